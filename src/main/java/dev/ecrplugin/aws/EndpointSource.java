package dev.ecrplugin.aws;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Says where a client's endpoint comes from, in the order the SDK applies them: {@code <endpoint>} (the plugin's
 * override), then {@code aws.endpointUrl<Service>}/{@code AWS_ENDPOINT_URL_<SERVICE>}, {@code aws.endpointUrl}/
 * {@code AWS_ENDPOINT_URL}, the profile's {@code services} section, the profile's {@code endpoint_url}, else AWS's
 * own. Only for messages: the SDK resolves the endpoint itself.
 *
 * @param label where it came from, e.g. {@code the environment variable AWS_ENDPOINT_URL_STS}
 * @param fix   what to check or change when it cannot be reached
 */
record EndpointSource(String label, String fix) {

    static final String AWS_OWN = "AWS's own endpoint";

    static EndpointSource of(AwsService service, AwsSettings settings, Supplier<ProfileFile> profileFile) {
        return of(service, settings, profileFile, System::getProperty, System::getenv);
    }

    static EndpointSource of(AwsService service, AwsSettings settings, Supplier<ProfileFile> profileFile,
            Function<String, String> properties, Function<String, String> environment) {
        if (settings.endpoint() != null) {
            return new EndpointSource("<endpoint>/-Decr.endpoint", "check <endpoint>/-Decr.endpoint");
        }
        if (Boolean.parseBoolean(firstOf(properties.apply("aws.ignoreConfiguredEndpointUrls"),
                environment.apply("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))) {
            return awsOwn();
        }
        if (present(properties.apply(service.systemProperty()))) {
            return setting("the system property " + service.systemProperty());
        }
        if (present(environment.apply(service.environmentVariable()))) {
            return setting("the environment variable " + service.environmentVariable());
        }
        if (present(properties.apply("aws.endpointUrl"))) {
            return setting("the system property aws.endpointUrl");
        }
        if (present(environment.apply("AWS_ENDPOINT_URL"))) {
            return setting("the environment variable AWS_ENDPOINT_URL");
        }
        String name = ProfileFiles.nameInUse(settings);
        ProfileFile file = ProfileFiles.read(profileFile);
        Optional<Profile> profile = file == null ? Optional.empty() : file.profile(name);
        if (profile.isPresent()) {
            Optional<String> services = profile.get().property("services");
            if (services.isPresent()) {
                String key = service.profileKey() + "." + ProfileProperty.ENDPOINT_URL;
                boolean inServices = file.getSection("services", services.get())
                        .flatMap(s -> s.property(key)).isPresent();
                if (inServices) {
                    return setting(key + " of the services section '" + services.get() + "' of the AWS profile '"
                            + name + "'");
                }
            }
            if (profile.get().property(ProfileProperty.ENDPOINT_URL).isPresent()) {
                return setting("endpoint_url of the AWS profile '" + name + "'");
            }
        }
        return awsOwn();
    }

    private static EndpointSource setting(String label) {
        return new EndpointSource(label, "check " + label + ", or override it with <endpoint>/-Decr.endpoint");
    }

    private static EndpointSource awsOwn() {
        return new EndpointSource(AWS_OWN, "check the network and the settings.xml proxy, or set "
                + "<endpoint>/-Decr.endpoint (LocalStack), or AWS_ENDPOINT_URL_<SERVICE> (an interface VPC endpoint)");
    }

    private static String firstOf(String a, String b) {
        return present(a) ? a : b;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

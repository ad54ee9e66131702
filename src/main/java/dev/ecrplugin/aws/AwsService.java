package dev.ecrplugin.aws;

/**
 * The AWS services the plugin builds clients for, with the names the SDK's endpoint settings use for each: the
 * suffix of {@code AWS_ENDPOINT_URL_<SUFFIX>}, the system property {@code aws.endpointUrl<Name>}, and the key of the
 * service in a profile's {@code services} section.
 */
public enum AwsService {
    ECR("ECR", "Ecr", "ecr"),
    IAM("IAM", "Iam", "iam"),
    STS("STS", "Sts", "sts"),
    SSO("SSO", "Sso", "sso"),
    SSO_OIDC("SSO_OIDC", "SsoOidc", "sso_oidc");

    private final String envSuffix;
    private final String propertySuffix;
    private final String profileKey;

    AwsService(String envSuffix, String propertySuffix, String profileKey) {
        this.envSuffix = envSuffix;
        this.propertySuffix = propertySuffix;
        this.profileKey = profileKey;
    }

    /** E.g. {@code AWS_ENDPOINT_URL_STS}. */
    String environmentVariable() {
        return "AWS_ENDPOINT_URL_" + envSuffix;
    }

    /** E.g. {@code aws.endpointUrlSts}. */
    String systemProperty() {
        return "aws.endpointUrl" + propertySuffix;
    }

    /** E.g. {@code sts} (in {@code [services NAME]}: {@code sts =\n  endpoint_url = ...}). */
    String profileKey() {
        return profileKey;
    }

    /** How AWS names it, e.g. {@code SSO-OIDC}. */
    String title() {
        return envSuffix.replace('_', '-');
    }
}

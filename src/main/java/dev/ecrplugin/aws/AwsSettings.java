package dev.ecrplugin.aws;

import dev.ecrplugin.core.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where and as whom the plugin talks to AWS. Every field is optional: a null falls back to the AWS SDK's own
 * defaults (region chain, default credentials chain, the services' real endpoints, its own proxy settings).
 * Base credentials, first match wins: {@code profile}, then {@code credentials}, then the SDK's default chain;
 * {@code role} is then assumed on top of them. {@link #toString()} shows no secret.
 *
 * @param region      AWS region id, e.g. {@code eu-west-1}
 * @param profile     a profile of the shared AWS config/credentials files
 * @param endpoint    one URL that replaces the endpoints of ECR, IAM and STS (moto, LocalStack)
 * @param credentials access keys given directly (a settings.xml server), or null
 * @param role        a role to assume on top of the base credentials, or null
 * @param proxy       the HTTP proxy for AWS calls, or null for the SDK's own (system properties, environment)
 * @param timeouts    how long a call and each of its attempts may take; null for {@link AwsTimeouts#DEFAULT}
 */
public record AwsSettings(String region, String profile, URI endpoint, StaticCredentials credentials,
        RoleToAssume role, HttpProxy proxy, AwsTimeouts timeouts) {

    /** Region, profile and endpoint only: the rest from the SDK's defaults. */
    public AwsSettings(String region, String profile, URI endpoint) {
        this(region, profile, endpoint, null, null, null, null);
    }

    public AwsSettings withProfile(String newProfile) {
        return new AwsSettings(region, newProfile, endpoint, credentials, role, proxy, timeouts);
    }

    public AwsSettings withCredentials(StaticCredentials newCredentials) {
        return new AwsSettings(region, profile, endpoint, newCredentials, role, proxy, timeouts);
    }

    public AwsSettings withRole(RoleToAssume newRole) {
        return new AwsSettings(region, profile, endpoint, credentials, newRole, proxy, timeouts);
    }

    public AwsSettings withProxy(HttpProxy newProxy) {
        return new AwsSettings(region, profile, endpoint, credentials, role, newProxy, timeouts);
    }

    public AwsSettings withTimeouts(AwsTimeouts newTimeouts) {
        return new AwsSettings(region, profile, endpoint, credentials, role, proxy, newTimeouts);
    }

    public AwsSettings {
        region = blankToNull(region);
        profile = blankToNull(profile);
        timeouts = timeouts == null ? AwsTimeouts.DEFAULT : timeouts;
    }

    /** Builds settings from the plain strings users write, checking each. */
    public static AwsSettings of(String region, String profile, String endpoint) {
        region = blankToNull(region);
        if (region != null && !region.matches("[a-z]{2,5}(-[a-z]+)+-\\d+")) {
            throw new InvalidInputException("<region> '" + region + "' is not an AWS region id: write it like "
                    + "eu-west-1 (POM <region> or -Decr.region)");
        }
        return new AwsSettings(region, profile, parseEndpoint(endpoint));
    }

    static URI parseEndpoint(String endpoint) {
        endpoint = blankToNull(endpoint);
        if (endpoint == null) {
            return null;
        }
        try {
            URI uri = new URI(endpoint);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidInputException("<endpoint> '" + endpoint + "' is not an http(s) URL: write it like "
                + "http://127.0.0.1:5000 (POM <endpoint> or -Decr.endpoint)");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

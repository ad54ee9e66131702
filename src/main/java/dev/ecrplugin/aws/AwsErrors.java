package dev.ecrplugin.aws;

import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * Turns AWS SDK exceptions into the plugin's own, with messages that say what happened and what to do. The one
 * place where SDK errors are interpreted; goals and services let unexpected SDK exceptions reach it.
 */
public final class AwsErrors {

    private static final Set<String> ACCESS_DENIED =
            Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException");
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "InvalidSignatureException", "ExpiredToken", "ExpiredTokenException",
            "InvalidAccessKeyId", "IncompleteSignature", "MissingAuthenticationToken");
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
    /** The SDK's words for a profile that is absent, or present without credentials. */
    private static final Pattern PROFILE_WITHOUT_CREDENTIALS =
            Pattern.compile("^Profile file contained no credentials for profile '([^']*)'");

    private AwsErrors() {}

    /** The error code AWS sent, also when the SDK could not read it (moto answers ECR errors as XML). */
    public static String code(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        if (code == null || code.isEmpty()) {
            code = fromRawXml(e, XML_CODE);
        }
        return code == null ? "" : code;
    }

    /** The error message AWS sent, read from the raw body where the SDK could not. */
    public static String message(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String message = details == null ? null : details.errorMessage();
        if (message == null || message.isEmpty()) {
            message = fromRawXml(e, XML_MESSAGE);
        }
        if (message == null || message.isEmpty()) {
            message = "HTTP " + e.statusCode();
        }
        return unescapeXml(message);
    }

    public static boolean isAccessDenied(AwsServiceException e) {
        return ACCESS_DENIED.contains(code(e));
    }

    /** Translates any SDK exception; {@code what} says what the plugin was doing, e.g. "Creating repository repo1". */
    public static EcrPluginException translate(String what, SdkException e) {
        String prefix = what == null ? "" : what + ": ";
        if (e instanceof SdkServiceException sse && refusedByTheProxy(sse)) {
            return new InvalidInputException(prefix + "the HTTP proxy refused the proxy credentials (HTTP "
                    + sse.statusCode() + " from the proxy, not from AWS). Fix the <username>/<password> of the "
                    + "active <proxy> in settings.xml, or list the AWS endpoint's host in its <nonProxyHosts> to "
                    + "reach it directly", e);
        }
        if (e instanceof AwsServiceException ase) {
            String code = code(ase);
            String message = message(ase);
            String service = ase.awsErrorDetails() == null ? "AWS" : ase.awsErrorDetails().serviceName();
            if (ACCESS_DENIED.contains(code)) {
                return new InvalidInputException(prefix + "access denied by " + service + ": " + message
                        + ". Grant that action to the principal (an IAM policy), or use credentials that have it "
                        + "(<profile>/-Decr.profile)", e);
            }
            if (BAD_CREDENTIALS.contains(code)) {
                return new InvalidInputException(prefix + service + " rejected the AWS credentials (" + code + ": "
                        + message + "). Check the access key of the profile or environment in use, or refresh "
                        + "expired session credentials", e);
            }
            return new OperationFailedException(prefix + service + " answered " + (code.isEmpty() ? "" : code + ": ")
                    + message + " (HTTP " + ase.statusCode() + ")", e);
        }
        SdkException unreachable = UnreachableEndpointException.namedIn(e);
        if (unreachable != null) {
            // its message names the URL, its source and the fix; the SDK's exception is suppressed in it, not a cause
            return new OperationFailedException(prefix + unreachable.getMessage(), unreachable);
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().contains("Unable to load credentials")) {
            return new InvalidInputException(prefix + "no AWS credentials found. Set <profile>/-Decr.profile, "
                    + "the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables, or a default profile "
                    + "in ~/.aws/credentials", e);
        }
        Matcher profile = e instanceof SdkClientException && e.getMessage() != null
                ? PROFILE_WITHOUT_CREDENTIALS.matcher(e.getMessage()) : null;
        if (profile != null && profile.find()) {
            // no cause: Maven would append its message (a dump of the profile file's layout) to the error line
            String name = profile.group(1);
            return new InvalidInputException(prefix + "the AWS profile '" + name + "' has no credentials in "
                    + sharedFiles() + ". Fix <profile>/-Decr.profile, or add the profile: aws configure --profile "
                    + name);
        }
        // failures that name an endpoint (refused, unknown host, TLS, timeouts) were named where the URL is known
        return new OperationFailedException(prefix + "could not complete the AWS call: " + e.getMessage(), e);
    }

    /**
     * A proxy's refusal that the HTTP client hands back as if AWS had answered: 407 is only ever a proxy's; 401 is
     * not an answer of ECR, IAM or STS (they refuse with 400 or 403), so one without the request id every AWS
     * answer carries is the proxy's too (tinyproxy refuses with 401).
     */
    private static boolean refusedByTheProxy(SdkServiceException e) {
        return e.statusCode() == 407
                || e.statusCode() == 401 && (e.requestId() == null || e.requestId().isBlank());
    }

    /**
     * A profile the SDK cannot use as written (a source_profile without credentials, a circular chain, ...): it
     * says so with an IllegalStateException, not an SdkException.
     */
    public static InvalidInputException badProfile(String profile, String setting, IllegalStateException e) {
        return new InvalidInputException("The AWS profile '" + profile + "' (" + setting + ") cannot be used: "
                + e.getMessage() + " Fix it in " + sharedFiles() + ", or choose another profile", e);
    }

    /** The shared AWS files the SDK reads, where they are here. */
    private static String sharedFiles() {
        return ProfileFileLocation.configurationFilePath() + " or " + ProfileFileLocation.credentialsFilePath()
                + " (the shared AWS files; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move them)";
    }

    private static String fromRawXml(AwsServiceException e, Pattern pattern) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null || details.rawResponse() == null) {
            return null;
        }
        Matcher m = pattern.matcher(new String(details.rawResponse().asByteArray(), StandardCharsets.UTF_8));
        return m.find() ? m.group(1).trim() : null;
    }

    private static String unescapeXml(String s) {
        return s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}

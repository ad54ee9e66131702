package dev.ecrplugin.maven;

import dev.ecrplugin.aws.Ahead;
import dev.ecrplugin.aws.AwsClients;
import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.aws.AwsSettings;
import dev.ecrplugin.aws.AwsTimeouts;
import dev.ecrplugin.aws.RoleToAssume;
import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What every goal shares: where AWS is, the one skip path, and the one place where the core's exceptions become
 * Maven's ({@link InvalidInputException} to {@link MojoFailureException}, the rest to
 * {@link MojoExecutionException}). Goals implement {@link #run()} as one call into a Maven-free service.
 */
public abstract class AbstractEcrMojo extends AbstractMojo {

    /** AWS region, e.g. eu-west-1. Default: the AWS SDK's chain (AWS_REGION, the profile's region). */
    @Parameter(property = "ecr.region")
    protected String region;

    /** Profile of the shared AWS config and credentials files. Default: the AWS SDK's default credentials chain. */
    @Parameter(property = "ecr.profile")
    protected String profile;

    /** One URL that replaces the AWS endpoints of ECR, IAM and STS (moto, LocalStack, a VPC endpoint). */
    @Parameter(property = "ecr.endpoint")
    protected String endpoint;

    /**
     * Id of a settings.xml {@code <server>} holding AWS access keys: {@code <username>} = access key id,
     * {@code <password>} = secret access key (encrypt it with {@code mvn --encrypt-password}), optional
     * {@code <configuration><sessionToken>}. Used when no {@code profile} is given; default: the AWS SDK's chain.
     */
    @Parameter(property = "ecr.serverId")
    protected String serverId;

    /** ARN of an IAM role to assume (STS AssumeRole) on top of the credentials found. */
    @Parameter(property = "ecr.roleArn")
    protected String roleArn;

    /** Role session name when assuming {@code roleArn}. */
    @Parameter(property = "ecr.roleSessionName", defaultValue = RoleToAssume.DEFAULT_SESSION_NAME)
    protected String roleSessionName;

    /** External id the trust policy of {@code roleArn} demands. */
    @Parameter(property = "ecr.externalId")
    protected String externalId;

    /**
     * Seconds one AWS call may take in all, its retries included (the SDK's STANDARD retry mode: up to 3 attempts).
     * An endpoint that never answers fails the goal after this long.
     */
    @Parameter(property = "ecr.apiCallTimeout", defaultValue = "" + AwsTimeouts.DEFAULT_API_CALL_SECONDS)
    protected int apiCallTimeout = AwsTimeouts.DEFAULT_API_CALL_SECONDS;

    /** Seconds each attempt of an AWS call may take before the SDK retries it (within {@code apiCallTimeout}). */
    @Parameter(property = "ecr.apiCallAttemptTimeout",
            defaultValue = "" + AwsTimeouts.DEFAULT_API_CALL_ATTEMPT_SECONDS)
    protected int apiCallAttemptTimeout = AwsTimeouts.DEFAULT_API_CALL_ATTEMPT_SECONDS;

    /** Skip every goal of this plugin (each goal also has its own: {@code ecr.<goal>.skip}, e.g. ecr.push.skip). */
    @Parameter(property = "ecr.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private AwsSettings awsSettings;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        // before anything else: a skipped goal reads no parameter, builds no client and calls nothing
        if (skip || skipGoal()) {
            getLog().info("Skipping ecr:" + goalName() + ": " + (skip ? "ecr.skip" : "ecr." + goalName() + ".skip")
                    + " is true");
            return;
        }
        if (needsNetwork() && session != null && session.isOffline()) {
            throw new MojoFailureException(goal() + " needs the network to reach AWS, but Maven runs offline "
                    + "(-o, or <offline>true</offline> in settings.xml): run it without -o, or skip it with "
                    + "-Decr.skip");
        }
        try {
            run();
        } catch (EcrPluginException | SdkException e) {
            // the one mapping: the user's mistake fails the build, the rest is an error of the execution
            EcrPluginException failure = e instanceof SdkException sdk ? AwsErrors.translate(goal(), sdk)
                    : (EcrPluginException) e;
            if (failure instanceof InvalidInputException) {
                throw new MojoFailureException(failure.getMessage(), failure);
            }
            throw new MojoExecutionException(failure.getMessage(), failure);
        } finally {
            closeUnshared();
        }
    }

    /**
     * The goal's work: read parameters, make one call into a service, log its result. The parameters a goal needs are
     * checked here (by the service), with the plugin's own message, not declared {@code required}: Maven would
     * check those before {@code ecr.skip} could skip the goal.
     */
    protected abstract void run();

    /** The goal's name, as in {@code ecr:<name>} and in its skip property {@code ecr.<name>.skip}. */
    protected abstract String goalName();

    /** The goal's own skip parameter ({@code ecr.<goal>.skip}). */
    protected abstract boolean skipGoal();

    /** True for goals that call AWS (or any other network service): they fail at once under {@code mvn -o}. */
    protected boolean needsNetwork() {
        return true;
    }

    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }

    protected String goal() {
        return "ecr:" + (mojoExecution == null ? goalName() : mojoExecution.getGoal());
    }

    /**
     * Region, endpoint, credentials (profile, else the settings.xml server, else the SDK's chain), the role to
     * assume, the timeouts and the settings.xml proxy, as the core's plain records.
     */
    protected AwsSettings awsSettings() {
        if (awsSettings == null) { // once per goal: reading them may warn
            awsSettings = readAwsSettings();
        }
        return awsSettings;
    }

    private AwsSettings readAwsSettings() {
        AwsSettings settings = AwsSettings.of(region, profile, endpoint)
                .withRole(RoleToAssume.of(roleArn, roleSessionName, externalId))
                .withTimeouts(AwsTimeouts.ofSeconds(apiCallTimeout, apiCallAttemptTimeout));
        org.apache.maven.settings.Settings mavenSettings = session == null ? null : session.getSettings();
        if (settings.profile() == null && serverId != null && !serverId.isBlank()) {
            settings = settings.withCredentials(
                    SettingsCredentials.server(mavenSettings, settingsDecrypter, serverId.trim()));
        }
        return settings.withProxy(SettingsCredentials.activeProxy(mavenSettings, settingsDecrypter, reporter()));
    }

    /** The AWS clients for this goal's settings, shared by the whole Maven session. */
    protected AwsClients aws() {
        AwsSettings settings = awsSettings();
        return shared("aws-clients", settings,
                s -> AwsClients.create(s, reporter(), null,
                        new Ahead(BuildPlan.services(session, mojoExecution), needsAccountFirst())));
    }

    /**
     * True for a goal whose first AWS call needs the caller's account (an ARN it builds): the goal that creates the
     * session's clients then asks the account on a thread of its own while it builds its first client.
     */
    protected boolean needsAccountFirst() {
        return false;
    }

    /**
     * A value shared by every goal of the session, or, without a session to keep it in, one for this goal alone
     * (closed when the goal ends if it is {@link AutoCloseable}).
     */
    protected <K, V> V shared(String name, K key, java.util.function.Function<K, V> compute) {
        return SessionCache.of(session).map(c -> c.computeIfAbsent(name, key, compute)).orElseGet(() -> {
            V value = compute.apply(key);
            if (value instanceof AutoCloseable c) {
                toClose.add(c);
            }
            return value;
        });
    }

    private void closeUnshared() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                getLog().debug("Closing " + c + " failed: " + e);
            }
        }
        toClose.clear();
    }
}

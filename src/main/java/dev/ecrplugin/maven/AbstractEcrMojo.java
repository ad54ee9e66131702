package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsClients;
import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.aws.AwsSettings;
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
import org.apache.maven.plugins.annotations.Parameter;
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

    /** Skip every goal of this plugin. */
    @Parameter(property = "ecr.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + goal() + ": ecr.skip is true");
            return;
        }
        String skipReason = skipReason();
        if (skipReason != null) {
            getLog().info("Skipping " + goal() + ": " + skipReason);
            return;
        }
        try {
            run();
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (EcrPluginException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (SdkException e) {
            EcrPluginException translated = AwsErrors.translate(goal(), e);
            if (translated instanceof InvalidInputException) {
                throw new MojoFailureException(translated.getMessage(), e);
            }
            throw new MojoExecutionException(translated.getMessage(), e);
        } finally {
            closeUnshared();
        }
    }

    /** The goal's work: read parameters, make one call into a service, log its result. */
    protected abstract void run();

    /** A reason to skip this goal besides {@code ecr.skip}, or null. */
    protected String skipReason() {
        return null;
    }

    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }

    protected String goal() {
        return mojoExecution == null ? getClass().getSimpleName() : "ecr:" + mojoExecution.getGoal();
    }

    protected AwsSettings awsSettings() {
        return AwsSettings.of(region, profile, endpoint);
    }

    /** The AWS clients for this goal's settings, shared by the whole Maven session. */
    protected AwsClients aws() {
        AwsSettings settings = awsSettings();
        return shared("aws-clients", settings, s -> AwsClients.create(s, reporter()));
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

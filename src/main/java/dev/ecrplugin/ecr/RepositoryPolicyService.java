package dev.ecrplugin.ecr;

import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.core.Sleeper;
import dev.ecrplugin.policy.Placeholders;
import dev.ecrplugin.policy.PolicyDocument;
import dev.ecrplugin.policy.PolicyText;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyResponse;

/**
 * Makes an ECR repository carry the declared repository policy, calling SetRepositoryPolicy only when the current
 * one means something else. ECR rejects a policy whose principal IAM has not propagated yet (a user created a
 * moment ago) as invalid; that answer is retried with backoff for up to the propagation timeout.
 * Two calls at most (GetRepositoryPolicy, SetRepositoryPolicy), no DescribeRepositories: both answer
 * RepositoryNotFoundException for a missing repository and name the registry, from which the repository's ARN
 * follows (a dry run of a creation names none).
 */
public final class RepositoryPolicyService {

    static final String KIND = "repository policy";
    /** What ECR says about a policy it does not accept, also while a new principal propagates through IAM. */
    static final String INVALID_POLICY = "Invalid repository policy provided";
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);

    private final EcrClient ecr;
    private final Placeholders placeholders;
    private final Reporter reporter;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    public RepositoryPolicyService(EcrClient ecr, Placeholders placeholders, Reporter reporter) {
        this(ecr, placeholders, reporter, System::nanoTime, Sleeper.REAL);
    }

    RepositoryPolicyService(EcrClient ecr, Placeholders placeholders, Reporter reporter, LongSupplier nanoClock,
                            Sleeper sleeper) {
        this.ecr = Objects.requireNonNull(ecr);
        this.placeholders = Objects.requireNonNull(placeholders);
        this.reporter = Objects.requireNonNull(reporter);
        this.nanoClock = Objects.requireNonNull(nanoClock);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /**
     * Checks the document (before any call), then converges the policy of {@code repositoryName}.
     *
     * @param propagationTimeout how long to retry ECR's "invalid policy" answer while IAM propagates a principal
     */
    public Change ensure(String repositoryName, PolicyText text, Duration propagationTimeout, boolean dryRun) {
        RepositorySpec.checkName(repositoryName, "repositoryName");
        if (propagationTimeout.isNegative()) {
            throw new InvalidInputException("<policyPropagationTimeout> must be 0 or more seconds, not "
                    + propagationTimeout.toSeconds() + " (POM <policyPropagationTimeout> or "
                    + "-Decr.policyPropagationTimeout)");
        }
        PolicyDocument document = PolicyDocument.parse(text).resolve(placeholders);
        Optional<GetRepositoryPolicyResponse> current = currentPolicy(repositoryName);
        String registryId = current.map(GetRepositoryPolicyResponse::registryId).orElse(null);
        if (current.isPresent() && document.sameAs(current.get().policyText())) {
            return Change.unchanged(KIND, repositoryName, arn(registryId, repositoryName));
        }
        current.ifPresent(c -> reporter.debug("Repository policy of " + repositoryName + " differs: "
                + c.policyText() + " -> " + document.compactText()));
        Change.Outcome outcome = current.isPresent()
                ? (dryRun ? Change.Outcome.WOULD_UPDATE : Change.Outcome.UPDATED)
                : (dryRun ? Change.Outcome.WOULD_CREATE : Change.Outcome.CREATED);
        String detail = current.isPresent() ? "policy text replaced" : null;
        if (!dryRun) {
            String set = setWithRetry(repositoryName, document, propagationTimeout).registryId();
            registryId = set != null ? set : registryId;
        }
        return new Change(outcome, KIND, repositoryName, arn(registryId, repositoryName), detail);
    }

    /** The repository's ARN in the client's region, or null when the registry is not known. */
    private String arn(String registryId, String repositoryName) {
        return registryId == null ? null
                : RepositorySpec.arn(placeholders.partition(), placeholders.region(), registryId, repositoryName);
    }

    /** The current policy (and the registry that holds it), or empty when the repository has none. */
    private Optional<GetRepositoryPolicyResponse> currentPolicy(String repositoryName) {
        try {
            GetRepositoryPolicyResponse response = ecr.getRepositoryPolicy(r -> r.repositoryName(repositoryName));
            return response.policyText() == null ? Optional.empty() : Optional.of(response);
        } catch (RepositoryPolicyNotFoundException e) {
            return Optional.empty();
        } catch (RepositoryNotFoundException e) {
            throw missing(repositoryName);
        }
    }

    private SetRepositoryPolicyResponse setWithRetry(String repositoryName, PolicyDocument document,
                                                     Duration timeout) {
        long deadline = nanoClock.getAsLong() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        int attempt = 1;
        while (true) {
            try {
                return ecr.setRepositoryPolicy(r -> r.repositoryName(repositoryName)
                        .policyText(document.compactText()));
            } catch (RepositoryNotFoundException e) {
                throw missing(repositoryName);
            } catch (EcrException e) {
                if (!isInvalidPolicy(e)) {
                    throw e;
                }
                long left = deadline - nanoClock.getAsLong();
                if (left <= 0) {
                    throw new InvalidInputException("ECR rejected " + document.source().origin() + " for repository "
                            + repositoryName + " as '" + INVALID_POLICY + "' for " + timeout.toSeconds() + " s ("
                            + attempt + (attempt == 1 ? " attempt" : " attempts") + "). ECR answers so while a "
                            + "principal the policy names has not propagated through IAM yet, and for a principal "
                            + "that does not exist: check the principals, or wait longer with "
                            + "<policyPropagationTimeout>/-Decr.policyPropagationTimeout (seconds)", e);
                }
                Duration wait = pause.compareTo(Duration.ofNanos(left)) < 0 ? pause : Duration.ofNanos(left);
                reporter.debug("ECR rejected the repository policy of " + repositoryName + " (attempt " + attempt
                        + "); a principal may not have propagated through IAM yet; retrying in " + wait.toMillis()
                        + " ms");
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                attempt++;
            }
        }
    }

    /** ECR's answer to a policy it does not accept (read by code and message: moto may send it as XML). */
    static boolean isInvalidPolicy(EcrException e) {
        String code = AwsErrors.code(e);
        return (e instanceof InvalidParameterException || code.equals("InvalidParameterException"))
                && (AwsErrors.message(e).contains(INVALID_POLICY)
                        || (e.getMessage() != null && e.getMessage().contains(INVALID_POLICY)));
    }

    private static InvalidInputException missing(String repositoryName) {
        return new InvalidInputException("Repository " + repositoryName + " does not exist: create it first with "
                + "ecr:create-repository (bind it before ecr:set-repository-policy), or fix <repositoryName>/"
                + "-Decr.repositoryName");
    }
}

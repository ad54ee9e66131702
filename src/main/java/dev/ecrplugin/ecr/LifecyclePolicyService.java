package dev.ecrplugin.ecr;

import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.policy.LifecyclePolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Makes an ECR repository carry the declared lifecycle policy: GetLifecyclePolicy, then PutLifecyclePolicy only when
 * the stored policy means something else (compared parsed, rule by rule: {@link LifecyclePolicy#differencesFrom}).
 * PutLifecyclePolicy sets a value and keeps the SDK's retries.
 */
public final class LifecyclePolicyService {

    static final String KIND = "lifecycle policy";

    private final EcrClient ecr;
    private final Reporter reporter;

    public LifecyclePolicyService(EcrClient ecr, Reporter reporter) {
        this.ecr = Objects.requireNonNull(ecr);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /**
     * Converges the lifecycle policy of {@code repositoryName}, which must exist (in a dry run it may be one that
     * would be created: its policy would be created too).
     */
    public Change ensure(String repositoryName, LifecyclePolicy policy, boolean dryRun) {
        String subject = "for " + repositoryName;
        Optional<String> current;
        try {
            current = Optional.ofNullable(ecr.getLifecyclePolicy(r -> r.repositoryName(repositoryName))
                    .lifecyclePolicyText());
        } catch (LifecyclePolicyNotFoundException e) {
            current = Optional.empty();
        } catch (RepositoryNotFoundException e) {
            if (dryRun) {
                return new Change(Change.Outcome.WOULD_CREATE, KIND, subject, null, null);
            }
            throw e;
        }
        String detail = null;
        if (current.isPresent()) {
            List<String> differences = policy.differencesFrom(current.get());
            if (differences.isEmpty()) {
                return Change.unchanged(KIND, subject, null);
            }
            detail = String.join(", ", differences);
            reporter.debug("Lifecycle policy of " + repositoryName + " differs (" + detail + "): " + current.get()
                    + " -> " + policy.compactText());
        }
        Change.Outcome outcome = current.isPresent()
                ? (dryRun ? Change.Outcome.WOULD_UPDATE : Change.Outcome.UPDATED)
                : (dryRun ? Change.Outcome.WOULD_CREATE : Change.Outcome.CREATED);
        if (!dryRun) {
            put(repositoryName, policy);
        }
        return new Change(outcome, KIND, subject, null, detail);
    }

    private void put(String repositoryName, LifecyclePolicy policy) {
        try {
            ecr.putLifecyclePolicy(r -> r.repositoryName(repositoryName).lifecyclePolicyText(policy.compactText()));
        } catch (EcrException e) {
            if (!(e instanceof InvalidParameterException) && !AwsErrors.code(e).equals("InvalidParameterException")) {
                throw e;
            }
            // what the local check does not know (a rule ECR added since): ECR's own words, and where to fix it
            throw new InvalidInputException("ECR rejected " + policy.source().origin() + " for repository "
                    + repositoryName + ": " + AwsErrors.message(e) + ". Fix the policy there (see the lifecycle policy "
                    + "properties in the Amazon ECR User Guide)", e);
        }
    }
}

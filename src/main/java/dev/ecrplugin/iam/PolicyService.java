package dev.ecrplugin.iam;

import dev.ecrplugin.aws.NoRetry;
import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.policy.Placeholders;
import dev.ecrplugin.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * Makes a customer-managed IAM policy exist with the declared document: creates it, leaves it alone when its
 * default version means the same, or adds a new default version (deleting the oldest non-default version first
 * when the policy has the five IAM allows; the default version is never deleted).
 *
 * <p>Calls that change, and what happens when their answer is lost (a 5xx, a reset connection, a timeout: IAM may
 * have acted):
 * <ul>
 * <li>CreatePolicy keeps the SDK's retries: a repeat cannot make a second policy of the name, it fails with
 * EntityAlreadyExists. That answer on a retry ({@code numAttempts() > 1}), or a look (GetPolicy) after a failure
 * with an unknown outcome that finds the policy with the declared document, means this run created it: reported
 * as created, not as "already exists".</li>
 * <li>CreatePolicyVersion is not idempotent (each call adds a version, and the sixth fails with LimitExceeded, so
 * a blind repeat near the five-version limit fails a run that did update the policy, and elsewhere spends a
 * version): it goes through the client that sends once (the SDK's retries off); after an unknown outcome
 * GetPolicy shows whether the default version changed to the declared document (then this run updated it), else
 * one more version is made.</li>
 * <li>DeletePolicyVersion keeps the SDK's retries: a repeat after a lost answer gets NoSuchEntity, read as
 * deleted.</li>
 * </ul>
 */
public final class PolicyService {

    static final String KIND = "IAM policy";
    /** IAM keeps at most this many versions of a managed policy. */
    static final int MAX_VERSIONS = 5;

    private final IamClient iam;
    private final IamClient sendingOnce;
    private final Placeholders placeholders;
    private final Reporter reporter;

    /**
     * @param iam         the IAM client, with the SDK's retries
     * @param sendingOnce an IAM client without them, for CreatePolicyVersion
     *                    ({@code AwsClients.iamSendingOnce()})
     */
    public PolicyService(IamClient iam, IamClient sendingOnce, Placeholders placeholders, Reporter reporter) {
        this.iam = Objects.requireNonNull(iam);
        this.sendingOnce = Objects.requireNonNull(sendingOnce);
        this.placeholders = Objects.requireNonNull(placeholders);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /** The ARN a customer-managed policy of that name has (path {@code /}). */
    public String arn(String name) {
        return "arn:" + placeholders.partition() + ":iam::" + placeholders.accountId() + ":policy/" + name;
    }

    /** Checks the document (before any call), then converges. */
    public Change ensure(PolicySpec spec, boolean dryRun) {
        PolicyDocument document = PolicyDocument.parse(spec.document()).resolve(placeholders);
        String arn = arn(spec.name());
        Optional<Policy> existing = find(arn);
        if (existing.isEmpty()) {
            return create(spec, document, arn, dryRun);
        }
        return converge(existing.get(), spec, document, dryRun);
    }

    /** The policy, or empty when there is none with that ARN. */
    public Optional<Policy> find(String arn) {
        try {
            return Optional.of(iam.getPolicy(r -> r.policyArn(arn)).policy());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    private Change create(PolicySpec spec, PolicyDocument document, String arn, boolean dryRun) {
        if (dryRun) {
            return new Change(Change.Outcome.WOULD_CREATE, KIND, spec.name(), arn, null);
        }
        try {
            Policy created = iam.createPolicy(r -> r.policyName(spec.name()).policyDocument(document.compactText())
                    .description(spec.description())).policy();
            return Change.created(KIND, spec.name(), created.arn());
        } catch (EntityAlreadyExistsException e) {
            Policy found = find(arn).orElseThrow(() -> e);
            if (e.numAttempts() != null && e.numAttempts() > 1 && isDeclared(found, document)) {
                reporter.debug("IAM policy " + spec.name() + " exists after an answer to CreatePolicy was lost: this "
                        + "run created it");
                return Change.created(KIND, spec.name(), found.arn());
            }
            // created by a parallel build between our get and create: converge what is there
            reporter.debug("IAM policy " + spec.name() + " appeared while creating it; converging");
            return converge(found, spec, document, dryRun);
        } catch (SdkException e) {
            if (!NoRetry.outcomeUnknown(e)) {
                throw e;
            }
            Policy found = look(() -> find(arn), e).orElseThrow(() -> e);
            reporter.debug("IAM policy " + spec.name() + " exists although CreatePolicy failed (" + e.getMessage()
                    + "): this run created it");
            return isDeclared(found, document) ? Change.created(KIND, spec.name(), found.arn())
                    : converge(found, spec, document, dryRun);
        }
    }

    /** True when the policy's default version is the declared document. */
    private boolean isDeclared(Policy policy, PolicyDocument document) {
        return document.sameAs(iam.getPolicyVersion(r -> r.policyArn(policy.arn())
                .versionId(policy.defaultVersionId())).policyVersion().document());
    }

    /** What a look finds after a call failed with an unknown outcome; the call's failure when the look fails too. */
    private static <T> T look(java.util.function.Supplier<T> look, SdkException failure) {
        try {
            return look.get();
        } catch (SdkException lookFailed) {
            failure.addSuppressed(lookFailed);
            throw failure;
        }
    }

    private Change converge(Policy policy, PolicySpec spec, PolicyDocument document, boolean dryRun) {
        String current = iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
                .policyVersion().document();
        if (spec.description() != null && !spec.description().equals(policy.description())) {
            reporter.warn("IAM policy " + spec.name() + " has the description '"
                    + (policy.description() == null ? "" : policy.description()) + "', not '" + spec.description()
                    + "': IAM cannot change a policy's description; delete the policy to change it");
        }
        if (document.sameAs(current)) {
            reporter.debug("IAM policy " + spec.name() + " default version " + policy.defaultVersionId()
                    + " equals the declared document");
            return Change.unchanged(KIND, spec.name(), policy.arn());
        }
        reporter.debug("IAM policy " + spec.name() + " default version " + policy.defaultVersionId() + " differs: "
                + PolicyDocument.decode(current) + " -> " + document.compactText());
        Optional<PolicyVersion> toDelete = oldestToDelete(policy.arn());
        if (dryRun) {
            return new Change(Change.Outcome.WOULD_UPDATE, KIND, spec.name(), policy.arn(), "new default version"
                    + toDelete.map(v -> ", deleting the oldest version " + v.versionId()).orElse(""));
        }
        List<String> detail = new ArrayList<>();
        toDelete.ifPresent(v -> {
            try {
                iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId(v.versionId()));
            } catch (NoSuchEntityException gone) {
                reporter.debug("IAM policy " + spec.name() + " version " + v.versionId() + " is gone already");
            }
            detail.add("deleted the oldest version " + v.versionId());
        });
        String versionId = createDefaultVersion(policy, spec, document);
        detail.add(0, "new default version " + versionId);
        return new Change(Change.Outcome.UPDATED, KIND, spec.name(), policy.arn(), String.join(", ", detail));
    }

    /**
     * Adds the document as the new default version, sent once per attempt; after an attempt whose outcome is
     * unknown, GetPolicy tells whether it acted (the default version is no longer the one read before, and holds
     * the document), else one more attempt is made.
     */
    private String createDefaultVersion(Policy policy, PolicySpec spec, PolicyDocument document) {
        try {
            return createVersionOnce(policy, document);
        } catch (SdkException e) {
            if (!NoRetry.outcomeUnknown(e)) {
                throw e;
            }
            Policy now = look(() -> find(policy.arn()), e).orElseThrow(() -> e);
            if (!now.defaultVersionId().equals(policy.defaultVersionId()) && look(() -> isDeclared(now, document), e)) {
                reporter.debug("IAM policy " + spec.name() + " has the new default version " + now.defaultVersionId()
                        + " although CreatePolicyVersion failed (" + e.getMessage() + "): this run made it");
                return now.defaultVersionId();
            }
            reporter.debug("CreatePolicyVersion for IAM policy " + spec.name() + " failed without acting ("
                    + e.getMessage() + "): trying once more");
            try {
                return createVersionOnce(policy, document);
            } catch (SdkException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    private String createVersionOnce(Policy policy, PolicyDocument document) {
        return sendingOnce.createPolicyVersion(r -> r.policyArn(policy.arn()).policyDocument(document.compactText())
                .setAsDefault(true)).policyVersion().versionId();
    }

    /** The oldest non-default version when the policy already has the most versions IAM allows. */
    private Optional<PolicyVersion> oldestToDelete(String arn) {
        List<PolicyVersion> versions = new ArrayList<>();
        iam.listPolicyVersionsPaginator(r -> r.policyArn(arn)).versions().forEach(versions::add);
        if (versions.size() < MAX_VERSIONS) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
                .min(Comparator.comparing(PolicyVersion::createDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(v -> versionNumber(v.versionId())));
    }

    private static int versionNumber(String versionId) {
        try {
            return Integer.parseInt(versionId.replaceAll("^v(\\d+).*$", "$1"));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}

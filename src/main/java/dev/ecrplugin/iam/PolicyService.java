package dev.ecrplugin.iam;

import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.policy.Placeholders;
import dev.ecrplugin.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * Makes a customer-managed IAM policy exist with the declared document: creates it, leaves it alone when its
 * default version means the same, or adds a new default version (deleting the oldest non-default version first
 * when the policy has the five IAM allows; the default version is never deleted).
 */
public final class PolicyService {

    static final String KIND = "IAM policy";
    /** IAM keeps at most this many versions of a managed policy. */
    static final int MAX_VERSIONS = 5;

    private final IamClient iam;
    private final Placeholders placeholders;
    private final Reporter reporter;

    public PolicyService(IamClient iam, Placeholders placeholders, Reporter reporter) {
        this.iam = Objects.requireNonNull(iam);
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
            // created by a parallel build between our get and create: converge what is there
            reporter.debug("IAM policy " + spec.name() + " appeared while creating it; converging");
            return converge(find(arn).orElseThrow(() -> e), spec, document, dryRun);
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
            iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId(v.versionId()));
            detail.add("deleted the oldest version " + v.versionId());
        });
        PolicyVersion created = iam.createPolicyVersion(r -> r.policyArn(policy.arn())
                .policyDocument(document.compactText()).setAsDefault(true)).policyVersion();
        detail.add(0, "new default version " + created.versionId());
        return new Change(Change.Outcome.UPDATED, KIND, spec.name(), policy.arn(), String.join(", ", detail));
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

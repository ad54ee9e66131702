package dev.ecrplugin.ecr;

import dev.ecrplugin.aws.NoRetry;
import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.EncryptionConfiguration;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * Makes an ECR repository exist as a {@link RepositorySpec} declares it, changing only what differs.
 *
 * <p>CreateRepository keeps the SDK's retries: a repeat cannot make a second repository, it fails with
 * RepositoryAlreadyExists. When its answer is lost (a 5xx, a reset connection, a timeout: ECR may have acted), that
 * answer on the SDK's retry ({@code numAttempts() > 1}), or a look (DescribeRepositories) after the call failed
 * with an unknown outcome, finds the repository: this run created it, and it is reported as "Created", not as
 * "already exists, unchanged". PutImageTagMutability, PutImageScanningConfiguration and TagResource set a value
 * and are idempotent. PutImage is {@link TagService}'s alone (docker pushes to the registry; the local stack's
 * listener, not the plugin, records docker's pushes in moto).
 */
public final class RepositoryService {

    static final String KIND = "repository";

    private final EcrClient ecr;
    private final Reporter reporter;

    public RepositoryService(EcrClient ecr, Reporter reporter) {
        this.ecr = Objects.requireNonNull(ecr);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /** The repository in the caller's own registry, or empty when it does not exist. */
    public Optional<Repository> find(String name) {
        return find(null, name);
    }

    /** The repository in registry (account) {@code registryId} (null: the caller's own), or empty when absent. */
    public Optional<Repository> find(String registryId, String name) {
        try {
            List<Repository> found = ecr.describeRepositories(r -> r.registryId(registryId).repositoryNames(name))
                    .repositories();
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        }
    }

    public Change ensure(RepositorySpec spec, boolean dryRun) {
        Optional<Repository> existing = find(spec.name());
        if (existing.isEmpty()) {
            return create(spec, dryRun);
        }
        return converge(existing.get(), spec, dryRun);
    }

    private Change create(RepositorySpec spec, boolean dryRun) {
        if (dryRun) {
            return new Change(Change.Outcome.WOULD_CREATE, KIND, spec.name(), null, null);
        }
        CreateRepositoryRequest.Builder request = CreateRepositoryRequest.builder().repositoryName(spec.name());
        if (spec.imageTagMutability() != null) {
            request.imageTagMutability(spec.imageTagMutability());
        }
        if (spec.scanOnPush() != null) {
            request.imageScanningConfiguration(c -> c.scanOnPush(spec.scanOnPush()));
        }
        if (spec.encryptionType() != null) {
            request.encryptionConfiguration(EncryptionConfiguration.builder()
                    .encryptionType(spec.encryptionType()).kmsKey(spec.kmsKey()).build());
        }
        if (!spec.tags().isEmpty()) {
            request.tags(toTags(spec.tags()));
        }
        try {
            Repository created = ecr.createRepository(request.build()).repository();
            return Change.created(KIND, spec.name(), created.repositoryArn());
        } catch (RepositoryAlreadyExistsException e) {
            Repository found = find(spec.name()).orElseThrow(() -> e);
            if (e.numAttempts() != null && e.numAttempts() > 1) {
                reporter.debug("Repository " + spec.name() + " exists after an answer to CreateRepository was lost: "
                        + "this run created it");
                return createdByThisRun(found, spec);
            }
            // created by a parallel build between our describe and create: converge what is there
            reporter.debug("Repository " + spec.name() + " appeared while creating it; converging");
            return converge(found, spec, false);
        } catch (SdkException e) {
            if (!NoRetry.outcomeUnknown(e)) {
                throw e;
            }
            Optional<Repository> found;
            try {
                found = find(spec.name());
            } catch (SdkException lookFailed) {
                e.addSuppressed(lookFailed);
                throw e;
            }
            reporter.debug("Repository " + spec.name() + (found.isPresent() ? " exists" : " does not exist")
                    + " although CreateRepository failed (" + e.getMessage() + ")");
            return createdByThisRun(found.orElseThrow(() -> e), spec);
        }
    }

    /**
     * A repository that a CreateRepository of this run made although its answer was lost: reported as created,
     * and converged like any other when it differs from the spec (a parallel build's, after all).
     */
    private Change createdByThisRun(Repository found, RepositorySpec spec) {
        Change converged = converge(found, spec, false);
        return converged.outcome() == Change.Outcome.UNCHANGED
                ? Change.created(KIND, spec.name(), found.repositoryArn()) : converged;
    }

    private Change converge(Repository repo, RepositorySpec spec, boolean dryRun) {
        List<String> changes = new ArrayList<>();
        String currentMutability = repo.imageTagMutabilityAsString();
        boolean mutabilityDiffers = spec.imageTagMutability() != null
                && !spec.imageTagMutability().equals(currentMutability);
        if (mutabilityDiffers) {
            changes.add("imageTagMutability " + currentMutability + " -> " + spec.imageTagMutability());
        }
        boolean currentScan = repo.imageScanningConfiguration() != null
                && Boolean.TRUE.equals(repo.imageScanningConfiguration().scanOnPush());
        boolean scanDiffers = spec.scanOnPush() != null && spec.scanOnPush() != currentScan;
        if (scanDiffers) {
            changes.add("scanOnPush " + currentScan + " -> " + spec.scanOnPush());
        }
        warnOnEncryption(repo, spec);
        Map<String, String> missingTags = missingTags(repo, spec);
        if (!missingTags.isEmpty()) {
            changes.add("tags set: " + String.join(", ", missingTags.keySet()));
        }
        if (changes.isEmpty()) {
            return Change.unchanged(KIND, spec.name(), repo.repositoryArn());
        }
        String detail = String.join("; ", changes);
        if (dryRun) {
            return new Change(Change.Outcome.WOULD_UPDATE, KIND, spec.name(), repo.repositoryArn(), detail);
        }
        if (mutabilityDiffers) {
            ecr.putImageTagMutability(r -> r.repositoryName(spec.name()).imageTagMutability(spec.imageTagMutability()));
        }
        if (scanDiffers) {
            ecr.putImageScanningConfiguration(r -> r.repositoryName(spec.name())
                    .imageScanningConfiguration(c -> c.scanOnPush(spec.scanOnPush())));
        }
        if (!missingTags.isEmpty()) {
            ecr.tagResource(r -> r.resourceArn(repo.repositoryArn()).tags(toTags(missingTags)));
        }
        return new Change(Change.Outcome.UPDATED, KIND, spec.name(), repo.repositoryArn(), detail);
    }

    private void warnOnEncryption(Repository repo, RepositorySpec spec) {
        if (spec.encryptionType() == null) {
            return;
        }
        String currentType = repo.encryptionConfiguration() == null ? "AES256"
                : repo.encryptionConfiguration().encryptionTypeAsString();
        String currentKey = repo.encryptionConfiguration() == null ? null : repo.encryptionConfiguration().kmsKey();
        boolean keyDiffers = spec.kmsKey() != null && !spec.kmsKey().equals(currentKey);
        if (!spec.encryptionType().equals(currentType) || keyDiffers) {
            reporter.warn("Repository " + spec.name() + " is encrypted with " + currentType
                    + (currentKey == null ? "" : " (" + currentKey + ")") + ", not " + spec.encryptionType()
                    + (spec.kmsKey() == null ? "" : " (" + spec.kmsKey() + ")")
                    + ": ECR cannot change encryption after creation; recreate the repository to change it");
        }
    }

    private Map<String, String> missingTags(Repository repo, RepositorySpec spec) {
        if (spec.tags().isEmpty()) {
            return Map.of();
        }
        Map<String, String> current = new TreeMap<>();
        for (Tag t : ecr.listTagsForResource(r -> r.resourceArn(repo.repositoryArn())).tags()) {
            current.put(t.key(), t.value());
        }
        Map<String, String> missing = new TreeMap<>();
        spec.tags().forEach((k, v) -> {
            if (!v.equals(current.get(k))) {
                missing.put(k, v);
            }
        });
        return missing;
    }

    private static List<Tag> toTags(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }
}

package dev.ecrplugin.docker;

import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.RepositoryService;
import dev.ecrplugin.ecr.RepositorySpec;
import dev.ecrplugin.ecr.TagService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Pushes a local image to an ECR repository under one or more tags: {@code docker tag} and {@code docker push}
 * for the first tag that ECR does not already hold with this image, ECR PutImage of the same manifest for each
 * further one (no second upload; {@link ExtraTags}), then records the digest.
 */
public final class PushService {

    /**
     * What to push.
     *
     * @param image            the local image
     * @param repositoryName   the ECR repository
     * @param tags             the tags to push it under (at least one)
     * @param createRepository create the repository when it is missing
     * @param registryId       the registry (account) of the repository, or null for the caller's
     * @param digestDirectory  where {@code <repositoryName>.digest} is written, or null for no file
     */
    public record Request(EcrImageRef image, String repositoryName, List<String> tags, boolean createRepository,
                          String registryId, Path digestDirectory) {
        public Request {
            Objects.requireNonNull(image, "image");
            RepositorySpec.checkName(repositoryName, "repositoryName");
            tags = List.copyOf(new LinkedHashSet<>(tags));
            if (tags.isEmpty()) {
                throw new InvalidInputException("<tags> is empty: name at least one tag (POM <tags> or -Decr.tags)");
            }
            tags.forEach(t -> EcrImageRef.checkTag(t, "tags"));
        }

        /**
         * The request for the goal's settings as written, with their defaults: the repository is the one
         * {@code image} names, the tag is {@code image}'s (or latest), and the registry is the one a full ECR image
         * URI names, else {@code registryId}.
         *
         * @param image            a local image (myapp:1.0) or a full ECR image URI
         * @param repositoryName   the ECR repository, or null/blank for {@code image}'s
         * @param tags             the tags, or null/empty for {@code image}'s tag (or latest); blanks are dropped
         * @param registryId       the registry from {@code <registryIds>}, or null for the caller's own
         * @param digestDirectory  where the digest file goes, or null
         */
        public static Request of(String image, String repositoryName, List<String> tags, boolean createRepository,
                                 String registryId, Path digestDirectory) {
            EcrImageRef ref = EcrImageRef.parse(image, "image");
            List<String> tagList = tags == null ? List.of() : tags.stream().filter(Objects::nonNull)
                    .map(String::trim).filter(t -> !t.isEmpty()).toList();
            if (tagList.isEmpty()) {
                tagList = List.of(ref.tag() == null ? "latest" : ref.tag());
            }
            String registry = registryId;
            if (ref.registryId() != null) {
                if (registryId != null && !registryId.equals(ref.registryId())) {
                    throw new InvalidInputException("<image> '" + image + "' is in ECR registry " + ref.registryId()
                            + " but <registryIds> names " + registryId + ": remove one of them, or make them agree");
                }
                registry = ref.registryId();
            }
            return new Request(ref, repositoryName == null || repositoryName.isBlank() ? ref.repository()
                    : repositoryName.trim(), tagList, createRepository, registry, digestDirectory);
        }
    }

    /**
     * What was pushed.
     *
     * @param repository the remote repository as docker names it (registry/name)
     * @param digest     the image's digest in the registry
     * @param imageUri   {@code registry/name@digest}
     * @param pushed     the tags pushed
     * @param skipped    the tags ECR already held with this image
     * @param digestFile the file the digest was written to, or null
     */
    public record Result(String repository, String digest, String imageUri, List<String> pushed, List<String> skipped,
                         Path digestFile) {}

    private final EcrClient ecr;
    private final DockerCli docker;
    private final Supplier<LoginService.Login> login;
    private final Supplier<String> callerAccount;
    private final Reporter reporter;

    /**
     * @param login         logs docker in to the repository's registry (once per build; see the goals)
     * @param callerAccount the caller's account id (asked only when a repository may be created in a named registry)
     */
    public PushService(EcrClient ecr, DockerCli docker, Supplier<LoginService.Login> login,
                       Supplier<String> callerAccount, Reporter reporter) {
        this.ecr = Objects.requireNonNull(ecr);
        this.docker = Objects.requireNonNull(docker);
        this.login = Objects.requireNonNull(login);
        this.callerAccount = Objects.requireNonNull(callerAccount);
        this.reporter = Objects.requireNonNull(reporter);
    }

    public Result push(Request request) {
        checkCreateInOwnAccount(request);
        String image = request.image().toString();
        DockerCli.LocalImage local = docker.inspect(image).orElseThrow(() -> new InvalidInputException(
                "<image> '" + image + "' is not in the local docker: build it first, or set <image>/-Decr.image to an "
                        + "image that 'docker images' lists"));
        Optional<Repository> repository = ensureRepository(request);
        LoginService.Login session = login.get();
        String remote = session.registry() + "/" + request.repositoryName();
        TagService tagService = new TagService(ecr, reporter);
        Map<String, String> held = digestsInEcr(tagService, request);
        List<String> known = local.digestsIn(remote);
        boolean immutable = repository.map(r -> "IMMUTABLE".equals(r.imageTagMutabilityAsString())).orElse(false);

        List<String> pushed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String digest = null;
        ExtraTags extra = new ExtraTags(tagService, request.repositoryName(), request.registryId(), reporter);
        for (String tag : request.tags()) {
            String inEcr = held.get(tag);
            if (inEcr != null && known.contains(inEcr)) {
                reporter.info("ECR repository " + request.repositoryName() + " already holds " + tag + " as " + inEcr
                        + "; push skipped");
                skipped.add(tag);
                digest = inEcr;
                continue;
            }
            if (inEcr != null && immutable) {
                throw new InvalidInputException("Repository " + request.repositoryName() + " is IMMUTABLE and already "
                        + "holds tag " + tag + " (" + inEcr + ", another image): push under a new tag (<tags>/"
                        + "-Decr.tags), or make the repository MUTABLE");
            }
            String ref = remote + ":" + tag;
            if (digest != null && extra.put(digest, tag, inEcr)) {
                // the image is in ECR already (pushed, or held under another tag): PutImage, no docker push
                reporter.info("Tagged " + ref + " (" + digest + ") with ECR PutImage, no docker push");
                pushed.add(tag);
                continue;
            }
            docker.tag(image, ref);
            String pushedDigest = docker.push(ref);
            if (pushedDigest == null) {
                pushedDigest = docker.inspect(ref).flatMap(i -> i.digestsIn(remote).stream().findFirst())
                        .orElseThrow(() -> new OperationFailedException("docker push " + ref + " succeeded but "
                                + "printed no digest, and the local image records none"));
            }
            reporter.info("Pushed " + ref + " (" + pushedDigest + ")");
            pushed.add(tag);
            digest = pushedDigest;
        }
        Path file = request.digestDirectory() == null ? null : writeDigest(request, digest);
        return new Result(remote, digest, remote + "@" + digest, List.copyOf(pushed), List.copyOf(skipped), file);
    }

    /** CreateRepository acts in the caller's own account only: creating "another account's" repository cannot be. */
    private void checkCreateInOwnAccount(Request request) {
        if (!request.createRepository() || request.registryId() == null) {
            return;
        }
        String own = callerAccount.get();
        if (!request.registryId().equals(own)) {
            throw new InvalidInputException("<createRepository> creates repositories in your own account (" + own
                    + ") only, but the push goes to registry " + request.registryId() + ": create repository "
                    + request.repositoryName() + " in account " + request.registryId() + " first and remove "
                    + "<createRepository>/-Decr.createRepository, or push to your own registry");
        }
    }

    /** The repository when it could be read; creates it when asked; empty when the caller may not look. */
    private Optional<Repository> ensureRepository(Request request) {
        String name = request.repositoryName();
        RepositoryService repositories = new RepositoryService(ecr, reporter);
        try {
            Optional<Repository> found = repositories.find(request.registryId(), name);
            if (found.isPresent()) {
                return found;
            }
        } catch (AwsServiceException e) {
            if (!AwsErrors.isAccessDenied(e)) {
                throw e;
            }
            reporter.warn("Could not check that repository " + name + " exists (" + AwsErrors.message(e)
                    + "); pushing without that check");
            return Optional.empty();
        }
        if (!request.createRepository()) {
            throw new InvalidInputException("Repository " + name + " does not exist in ECR"
                    + (request.registryId() == null ? "" : " registry " + request.registryId()) + ": create it first "
                    + "(ecr:create-repository), or set <createRepository>true</createRepository> "
                    + "(-Decr.createRepository=true)");
        }
        reporter.info(repositories.ensure(RepositorySpec.named(name), false).line());
        return repositories.find(request.registryId(), name);
    }

    /** The digest ECR holds under each requested tag; empty when the caller may not ask (a warning). */
    private Map<String, String> digestsInEcr(TagService tagService, Request request) {
        Map<String, String> held = new HashMap<>();
        try {
            held.putAll(tagService.digestsOf(request.repositoryName(), request.registryId(), request.tags()));
        } catch (RepositoryNotFoundException e) {
            return held;
        } catch (AwsServiceException e) {
            if (!AwsErrors.isAccessDenied(e)) {
                throw e;
            }
            reporter.warn("Could not ask ECR which images repository " + request.repositoryName() + " holds ("
                    + AwsErrors.message(e) + "); pushing every tag");
        }
        return held;
    }

    private Path writeDigest(Request request, String digest) {
        // a repository name's slashes become folders: team/app -> <dir>/team/app.digest (names cannot hold "..")
        Path file = request.digestDirectory().resolve(request.repositoryName() + ".digest");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, digest + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OperationFailedException("Could not write the digest to " + file + ": " + e.getMessage(), e);
        }
        reporter.debug("Wrote " + digest + " to " + file);
        return file;
    }
}

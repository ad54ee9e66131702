package dev.ecrplugin.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.docker.DockerCli;
import dev.ecrplugin.docker.LoginService;
import dev.ecrplugin.docker.PullService;
import dev.ecrplugin.docker.PushService;
import dev.ecrplugin.ecr.LifecyclePolicyService;
import dev.ecrplugin.ecr.RepositoryPolicyService;
import dev.ecrplugin.ecr.RepositoryService;
import dev.ecrplugin.ecr.RepositorySpec;
import dev.ecrplugin.ecr.ScanService;
import dev.ecrplugin.ecr.TagService;
import dev.ecrplugin.iam.CredentialsFile;
import dev.ecrplugin.iam.PolicyService;
import dev.ecrplugin.iam.PolicySpec;
import dev.ecrplugin.iam.UserService;
import dev.ecrplugin.iam.UserSpec;
import dev.ecrplugin.policy.LifecyclePolicy;
import dev.ecrplugin.policy.Placeholders;
import dev.ecrplugin.policy.PolicyKind;
import dev.ecrplugin.policy.PolicyText;
import dev.ecrplugin.testing.DockerImages;
import dev.ecrplugin.testing.EcrFixtures;
import dev.ecrplugin.testing.FaultProxy;
import dev.ecrplugin.testing.IamFixtures;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import dev.ecrplugin.testing.RegistryImages;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Checks {@link GoalActions} against what the services really send: each goal's services run against moto with real
 * SDK clients whose interceptor records every operation. For every scenario, the operations sent must be declared
 * for that goal with that configuration (its conditions applied); over a goal's scenarios, every SDK operation
 * declared for it must have been sent. A new AWS call in a service without its line in GoalActions fails here, and so
 * does a declared call nothing makes any more.
 */
@ExtendWith(MotoAuthOff.class)
@NeedsStack
class GoalActionsRecordingTest {

    /** Records the operation of every call of the clients it is given to. */
    static final class Recorder implements ExecutionInterceptor {
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @TempDir
    Path temp;

    private final Recorder recorder = new Recorder();
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<AutoCloseable> clients = new ArrayList<>();
    /** Goal to the operations its scenarios sent. */
    private final Map<String, Set<String>> sent = new HashMap<>();
    private final String suffix = Long.toString(System.nanoTime(), 36);

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        FaultProxy.reset();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C client(
            B builder, String endpoint) {
        return client(builder, endpoint, true);
    }

    /** retries false: as the plugin's client for the calls that are not idempotent (AwsClients.iamSendingOnce). */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C client(
            B builder, String endpoint, boolean retries) {
        builder.endpointOverride(URI.create(endpoint)).region(Region.of(LocalStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> {
                    o.addExecutionInterceptor(recorder);
                    if (!retries) {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                });
        C client = builder.build();
        clients.add(client);
        return client;
    }

    private EcrClient ecr() {
        return client(EcrClient.builder(), LocalStack.endpoint());
    }

    private IamClient iam() {
        return client(IamClient.builder(), LocalStack.endpoint());
    }

    /** The account as the goals ask it: AwsClients.accountId(), one STS GetCallerIdentity. */
    private String account() {
        return client(StsClient.builder(), LocalStack.endpoint()).getCallerIdentity().account();
    }

    /** The placeholders of the goals' documents, as Documents.placeholders builds them. */
    private Placeholders placeholders() {
        return new Placeholders(this::account, () -> LocalStack.REGION, () -> "aws");
    }

    private static GoalConfig config(String goal, String... nameValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            parameters.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return new GoalConfig(goal, "test", parameters);
    }

    /** Runs one scenario of {@code config}'s goal and checks what it sent against the goal's declared calls. */
    private void scenario(GoalConfig config, Runnable body) {
        recorder.operations.clear();
        body.run();
        Set<String> operations = new TreeSet<>(recorder.operations);
        Set<String> declared = new TreeSet<>();
        GoalActions.calls(config).stream().filter(c -> c.kind() == GoalActions.Kind.SDK)
                .forEach(c -> declared.add(c.operation()));
        Set<String> undeclared = new TreeSet<>(operations);
        undeclared.removeAll(declared);
        assertEquals(Set.of(), undeclared, config.goal() + " with " + config.parameters().keySet() + " sent "
                + operations + ": add the undeclared ones to GoalActions (or fix its conditions)");
        sent.computeIfAbsent(config.goal(), g -> new TreeSet<>()).addAll(operations);
    }

    /** Over the goal's scenarios, every SDK operation GoalActions declares for it was sent. */
    private void everyDeclaredOperationSent(String goal) {
        Set<String> unused = new TreeSet<>(GoalActions.sdkOperations(goal));
        unused.removeAll(sent.getOrDefault(goal, Set.of()));
        assertEquals(Set.of(), unused, goal + ": declared in GoalActions but sent by no scenario");
    }

    private static PolicyText identityPolicy(String... actions) {
        return PolicyText.inline(PolicyKind.IDENTITY, IamFixtures.allowing(actions));
    }

    @Test
    void createPolicy() {
        String name = "rp-policy-" + suffix;
        GoalConfig config = config("create-policy", "policyName", name);
        PolicyService service = new PolicyService(iam(), client(IamClient.builder(), LocalStack.endpoint(), false),
                placeholders(), reporter);
        scenario(config, () -> service.ensure(new PolicySpec(name, null, identityPolicy("ecr:ListImages")), false));
        scenario(config, () -> service.ensure(new PolicySpec(name, null, identityPolicy("ecr:ListImages")), false));
        try (IamClient admin = LocalStack.iam()) { // five versions: the next one deletes the oldest
            for (int i = 2; i <= 5; i++) {
                String document = IamFixtures.allowing("ecr:DescribeImages", "ecr:ListImages" + i);
                admin.createPolicyVersion(r -> r.policyArn(LocalStack.policyArn(name)).policyDocument(document)
                        .setAsDefault(true));
            }
        }
        scenario(config, () -> service.ensure(new PolicySpec(name, null, identityPolicy("ecr:BatchGetImage")), false));
        everyDeclaredOperationSent("create-policy");
        LocalStack.deletePolicy(name);
    }

    @Test
    void createUser() throws Exception {
        String user = "rp-user-" + suffix;
        String policy = "rp-attached-" + suffix;
        IamFixtures.ensurePolicy(policy);
        CredentialsFile credentials = new CredentialsFile(temp.resolve("credentials"));
        UserService service = new UserService(iam(), client(IamClient.builder(), LocalStack.endpoint(), false), "aws",
                this::account, Duration.ofSeconds(30), reporter);
        GoalConfig plain = config("create-user", "userName", user);
        scenario(plain, () -> service.ensure(new UserSpec(user, null, null, null), credentials, false));
        scenario(plain, () -> service.ensure(new UserSpec(user, null, null, null), credentials, false));

        GoalConfig full = config("create-user", "userName", user, "policyNames", policy, "accessKeyProfile", "p1");
        UserSpec spec = new UserSpec(user, List.of(policy), null, "p1");
        IamFixtures.deleteUser(user);
        scenario(full, () -> service.ensure(spec, credentials, false)); // created, attached, key made
        scenario(full, () -> service.ensure(spec, credentials, false)); // unchanged: keys listed
        // a profile holding another user's key: IAM is asked whose it is, and the goal refuses
        String other = "rp-other-" + suffix;
        IamFixtures.createUser(other);
        List<String> otherKey = IamFixtures.createAccessKey(other);
        credentials.store("p2", otherKey.get(0), otherKey.get(1));
        UserSpec intoP2 = new UserSpec(user, List.of(policy), null, "p2");
        scenario(full, () -> assertThrows(InvalidInputException.class,
                () -> service.ensure(intoP2, credentials, false)));
        // CreateAccessKey's answer lost (through the fault proxy): the key it made is deleted, one more is made
        IamFixtures.deleteUser(user);
        IamClient throughProxy = client(IamClient.builder(), FaultProxy.endpoint());
        IamClient onceThroughProxy = client(IamClient.builder(), FaultProxy.endpoint(), false);
        UserService lossy = new UserService(throughProxy, onceThroughProxy, "aws", this::account,
                Duration.ofSeconds(30), reporter);
        FaultProxy.arm("CreateAccessKey", FaultProxy.DROP_AFTER_FORWARD, 1);
        UserSpec intoP3 = new UserSpec(user, List.of(policy), null, "p3");
        scenario(full, () -> lossy.ensure(intoP3, credentials, false));
        assertTrue(reporter.infos.stream().anyMatch(l -> l.startsWith("Deleted access key ")), reporter.infos
                .toString());
        everyDeclaredOperationSent("create-user");
        IamFixtures.deleteUser(user);
        IamFixtures.deleteUser(other);
    }

    @Test
    void createRepository() {
        String name = "rp-repo-" + suffix;
        EcrFixtures.deleteRepositories(name);
        RepositoryService service = new RepositoryService(ecr(), reporter);
        GoalConfig plain = config("create-repository", "repositoryName", name);
        scenario(plain, () -> service.ensure(RepositorySpec.named(name), false));
        scenario(plain, () -> service.ensure(RepositorySpec.named(name), false));
        GoalConfig full = config("create-repository", "repositoryName", name, "imageTagMutability", "IMMUTABLE",
                "scanOnPush", "true", "resourceTags", "a");
        RepositorySpec spec = new RepositorySpec(name, "IMMUTABLE", true, null, null, Map.of("team", "a"));
        scenario(full, () -> service.ensure(spec, false)); // converged: mutability, scanning, tags
        EcrFixtures.deleteRepositories(name);
        scenario(full, () -> service.ensure(spec, false)); // created with them
        GoalConfig lifecycle = config("create-repository", "repositoryName", name, "lifecyclePolicyDocument", "{}");
        LifecyclePolicyService lifecycles = new LifecyclePolicyService(ecr(), reporter);
        LifecyclePolicy policy = LifecyclePolicy.parse(PolicyText.inline(PolicyKind.LIFECYCLE, "{\"rules\":[{"
                + "\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":"
                + "\"imageCountMoreThan\",\"countNumber\":5},\"action\":{\"type\":\"expire\"}}]}"));
        scenario(lifecycle, () -> lifecycles.ensure(name, policy, false)); // created
        scenario(lifecycle, () -> lifecycles.ensure(name, policy, false)); // unchanged
        everyDeclaredOperationSent("create-repository");
        EcrFixtures.deleteRepositories(name);
    }

    @Test
    void setRepositoryPolicy() {
        String name = "rp-repo-policy-" + suffix;
        EcrFixtures.createRepository(name);
        RepositoryPolicyService service = new RepositoryPolicyService(ecr(), placeholders(), reporter);
        PolicyText text = PolicyText.inline(PolicyKind.REPOSITORY, "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::${aws.accountId}:root\"},"
                + "\"Action\":\"ecr:BatchGetImage\"}]}");
        GoalConfig config = config("set-repository-policy", "repositoryName", name);
        scenario(config, () -> service.ensure(name, text, Duration.ZERO, false));
        scenario(config, () -> service.ensure(name, text, Duration.ZERO, false));
        everyDeclaredOperationSent("set-repository-policy");
        EcrFixtures.deleteRepositories(name);
    }

    @Test
    void loginPushPull() throws Exception {
        String name = "rp-push-" + suffix;
        String image = "rp-app-" + suffix + ":1.0";
        EcrFixtures.deleteRepositories(name);
        DockerImages.importImage(temp.toFile(), image);
        EcrClient ecr = ecr();
        DockerCli docker = new DockerCli(new DockerCli.Options("docker", DockerImages.COMMAND_TIMEOUT, 0, null),
                reporter);
        LoginService login = new LoginService(ecr, docker, reporter);
        scenario(config("login"), () -> login.token(null));

        GoalConfig creating = config("push", "image", image, "repositoryName", name, "createRepository", "true",
                "registryIds", LocalStack.ACCOUNT);
        File digests = temp.resolve("ecr").toFile();
        scenario(creating, () -> new PushService(ecr, docker, () -> login.login(null, null), this::account, reporter)
                .push(PushService.Request.of(image, name, List.of("1.0"), true, LocalStack.ACCOUNT,
                        digests.toPath())));
        GoalConfig plain = config("push", "image", image, "repositoryName", name);
        scenario(plain, () -> new PushService(ecr, docker, () -> login.login(null, null), this::account, reporter)
                .push(PushService.Request.of(image, name, List.of("1.0"), false, null, null)));

        GoalConfig pull = config("pull", "repositoryName", name, "tag", "1.0");
        scenario(pull, () -> new PullService(docker, reporter).pull(new PullService.Request(name, "1.0", null, null),
                login.login(null, null)));
        GoalConfig twoTags = config("push", "image", image, "repositoryName", name, "tags", "1.0,2.0");
        scenario(twoTags, () -> new PushService(ecr, docker, () -> login.login(null, null), this::account, reporter)
                .push(PushService.Request.of(image, name, List.of("1.0", "2.0"), false, null, null))); // 2.0: PutImage

        TagService tags = new TagService(ecr, reporter);
        GoalConfig tag = config("tag", "repositoryName", name, "tags", "prod", "sourceTag", "1.0");
        scenario(tag, () -> tags.tag(TagService.Request.of(name, null, List.of("prod"), "1.0", null, null, false)));
        // an image index under "idx": moving prod onto it looks at the repository's tag mutability first
        String index = RegistryImages.putIndex(name, "idx", Map.of("linux/amd64", "1.0"));
        for (int i = 0; i < 150 && !DockerImages.ecrDigest(name, "idx").orElse("").equals(index); i++) {
            Thread.sleep(100); // the stack's listener records the registry's push in moto
        }
        scenario(tag, () -> tags.tag(TagService.Request.of(name, null, List.of("prod"), "idx", null, null, false)));
        everyDeclaredOperationSent("tag");

        GoalConfig scan = config("scan", "repositoryName", name, "tag", "1.0");
        scenario(scan, () -> new ScanService(ecr, reporter).scan(ScanService.Request.of(name, "1.0", null, null, null,
                null, 60, null))); // none yet: started, then read
        scenario(scan, () -> new ScanService(ecr, reporter).scan(ScanService.Request.of(name, "1.0", null, null, null,
                null, 60, null))); // read
        everyDeclaredOperationSent("scan");
        everyDeclaredOperationSent("login");
        everyDeclaredOperationSent("push");
        everyDeclaredOperationSent("pull");
        DockerImages.removeImages(image, LocalStack.registry() + "/" + name + ":1.0");
        EcrFixtures.deleteRepositories(name);
        Files.deleteIfExists(temp.resolve("image.tar"));
    }
}

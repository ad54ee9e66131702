package dev.ecrplugin.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;

/** UserService's decisions against a fake IAM: what it calls, and what it never calls. */
class UserServiceTest {

    private static final String ACCOUNT = "123456789012";
    private static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/usr1";
    private static final String P1 = "arn:aws:iam::" + ACCOUNT + ":policy/p1";
    private static final String P2 = "arn:aws:iam::" + ACCOUNT + ":policy/p2";

    @TempDir
    Path dir;

    /** The name of the IAM client without retries ({@code AwsClients.iamSendingOnce()}) in the fake's calls. */
    private static final String SENDING_ONCE = "sending once";

    private final RecordingReporter reporter = new RecordingReporter();

    private UserService service(FakeClient<IamClient> iam) {
        return service(iam, Duration.ofSeconds(30));
    }

    private UserService service(FakeClient<IamClient> iam, Duration callTimeout) {
        return new UserService(iam.client(), iam.client(SENDING_ONCE), "aws", () -> ACCOUNT, callTimeout, reporter);
    }

    private static FakeClient<IamClient> existingUser() {
        return FakeClient.of(IamClient.class).on("getUser", r -> GetUserResponse.builder()
                .user(User.builder().userName("usr1").arn(USER_ARN).build()).build());
    }

    private static Object keys(String... ids) {
        List<AccessKeyMetadata> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(AccessKeyMetadata.builder().accessKeyId(id).userName("usr1").status("Active").build());
        }
        return ListAccessKeysResponse.builder().accessKeyMetadata(keys).isTruncated(false).build();
    }

    @Test
    void aConvergedUserIsReadPageByPageAndNothingIsChanged() throws IOException {
        // attachments come in two pages: p1 on the first, p2 on the second
        FakeClient<IamClient> iam = existingUser()
                .on("listAttachedUserPolicies", (ListAttachedUserPoliciesRequest r) -> r.marker() == null
                        ? ListAttachedUserPoliciesResponse.builder().isTruncated(true).marker("page2")
                                .attachedPolicies(AttachedPolicy.builder().policyArn(P1).policyName("p1").build()).build()
                        : ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                                .attachedPolicies(AttachedPolicy.builder().policyArn(P2).policyName("p2").build()).build())
                .on("listAccessKeys", r -> keys("AKIAOTHER", "AKIACURRENT"));
        CredentialsFile file = new CredentialsFile(dir.resolve("credentials"));
        file.store("usr1", "AKIACURRENT", "secret");
        byte[] before = Files.readAllBytes(file.path());

        UserService.Result result = service(iam).ensure(
                new UserSpec("usr1", List.of("p1"), List.of(P2), "usr1"), file, false);

        assertEquals(Change.unchanged("IAM user", "usr1", USER_ARN), result.user());
        assertEquals(Change.Outcome.UNCHANGED, result.accessKey().outcome());
        assertEquals("Profile 'usr1' in " + file.path() + " holds a current key of usr1, unchanged",
                result.accessKey().line());
        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAttachedUserPolicies", "listAccessKeys"),
                iam.operations(), "reads only: no getPolicy for attached policies, no mutating call");
        assertTrue(Arrays.equals(before, Files.readAllBytes(file.path())));
    }

    @Test
    void onlyMissingAttachmentsAreAdded() {
        FakeClient<IamClient> iam = existingUser()
                .on("listAttachedUserPolicies", r -> ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                        .attachedPolicies(AttachedPolicy.builder().policyArn(P1).build()).build())
                .on("getPolicy", r -> GetPolicyResponse.builder().build())
                .on("attachUserPolicy", r -> null);

        UserService.Result result = service(iam).ensure(new UserSpec("usr1", List.of("p1", "p2"), null, null),
                new CredentialsFile(dir.resolve("credentials")), false);

        assertEquals(new Change(Change.Outcome.UPDATED, "IAM user", "usr1", USER_ARN, "attached p2"), result.user());
        assertNull(result.accessKey());
        List<String> attached = iam.calls().stream().filter(c -> c.operation().equals("attachUserPolicy"))
                .map(c -> ((AttachUserPolicyRequest) c.request()).policyArn()).toList();
        assertEquals(List.of(P2), attached);
    }

    @Test
    void everyUnknownPolicyIsNamedBeforeAnythingChanges() {
        FakeClient<IamClient> iam = FakeClient.of(IamClient.class)
                .on("getUser", r -> NoSuchEntityException.builder().message("no user").build())
                .on("getPolicy", (GetPolicyRequest r) -> r.policyArn().equals(P1) ? GetPolicyResponse.builder().build()
                        : NoSuchEntityException.builder().message("no policy").build());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service(iam).ensure(
                new UserSpec("usr1", List.of("p1", "nope"), List.of("arn:aws:iam::aws:policy/Gone"), "usr1"),
                new CredentialsFile(dir.resolve("credentials")), false));

        assertEquals("IAM policies nope (arn:aws:iam::123456789012:policy/nope) of <policyNames>, "
                + "arn:aws:iam::aws:policy/Gone of <policyArns> do not exist: create them first (ecr:create-policy) "
                + "or correct the name; IAM user usr1 was not changed", e.getMessage());
        assertEquals(List.of("getUser", "getPolicy", "getPolicy", "getPolicy"), iam.operations());
        assertFalse(Files.exists(dir.resolve("credentials")));
    }

    @Test
    void aNewUserGetsItsPoliciesAndAKeyWhoseSecretGoesOnlyToTheFile() throws IOException {
        FakeClient<IamClient> iam = FakeClient.of(IamClient.class)
                .on("getUser", r -> NoSuchEntityException.builder().message("no user").build())
                .on("getPolicy", r -> GetPolicyResponse.builder().build())
                .on("createUser", r -> CreateUserResponse.builder()
                        .user(User.builder().userName("usr1").arn(USER_ARN).build()).build())
                .on("attachUserPolicy", r -> null)
                .on("createAccessKey", r -> CreateAccessKeyResponse.builder().accessKey(AccessKey.builder()
                        .userName("usr1").accessKeyId("AKIANEW").secretAccessKey("TOP-SECRET").build()).build());
        CredentialsFile file = new CredentialsFile(dir.resolve("credentials"));

        UserService.Result result = service(iam).ensure(new UserSpec("usr1", List.of("p1"), null, "ci"), file, false);

        assertEquals("Created IAM user usr1 (attached p1) [" + USER_ARN + "]", result.user().line());
        assertEquals("Stored a new access key for usr1 in profile 'ci' of " + file.path(), result.accessKey().line());
        assertEquals(List.of("getUser", "getPolicy", "createUser", "attachUserPolicy", "createAccessKey"),
                iam.operations(), "no ListAccessKeys for a user that did not exist");
        assertEquals(Optional.of("AKIANEW"), file.accessKeyId("ci"));
        assertTrue(Files.readString(file.path()).contains("aws_secret_access_key = TOP-SECRET\n"));
        assertTrue(reporter.all().stream().noneMatch(m -> m.contains("TOP-SECRET")), reporter.all().toString());
    }

    @Test
    void aDryRunOnlyReads() {
        FakeClient<IamClient> iam = existingUser()
                .on("listAttachedUserPolicies", r -> ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                        .build())
                .on("getPolicy", r -> GetPolicyResponse.builder().build())
                .on("listAccessKeys", r -> keys("AKIAONE"));

        UserService.Result result = service(iam).ensure(new UserSpec("usr1", List.of("p1"), null, "usr1"),
                new CredentialsFile(dir.resolve("credentials")), true);

        assertEquals("Would update IAM user usr1 (attach p1) [" + USER_ARN + "]", result.user().line());
        assertEquals(Change.Outcome.WOULD_CREATE, result.accessKey().outcome());
        assertEquals(List.of("getUser", "listAttachedUserPolicies", "getPolicy", "listAccessKeys"), iam.operations());
        assertFalse(Files.exists(dir.resolve("credentials")));
    }

    @Test
    void twoKeysAndNoneInTheProfileFailBeforeAnyChange() {
        FakeClient<IamClient> iam = existingUser()
                .on("listAttachedUserPolicies", r -> ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                        .build())
                .on("getPolicy", r -> GetPolicyResponse.builder().build())
                .on("listAccessKeys", r -> keys("AKIAONE", "AKIATWO"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service(iam).ensure(
                new UserSpec("usr1", List.of("p1"), null, "usr1"), new CredentialsFile(dir.resolve("c")), false));

        assertTrue(e.getMessage().startsWith("IAM user usr1 already has 2 access keys, the most IAM allows"),
                e.getMessage());
        assertTrue(e.getMessage().contains("delete one of the user's keys"), e.getMessage());
        assertTrue(iam.operations().stream().noneMatch(o -> o.startsWith("attach") || o.startsWith("create")));
    }

    @Test
    void aKeyThatCannotBeStoredIsDeletedAgain() {
        // a name that can be read (absent) but leaves no room for the temporary file's longer name: writing fails
        Path unwritable = dir.resolve("c".repeat(245));
        FakeClient<IamClient> iam = existingUser()
                .on("listAttachedUserPolicies", r -> ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                        .build())
                .on("listAccessKeys", r -> keys())
                .on("createAccessKey", r -> CreateAccessKeyResponse.builder().accessKey(AccessKey.builder()
                        .userName("usr1").accessKeyId("AKIANEW").secretAccessKey("s").build()).build())
                .on("deleteAccessKey", r -> DeleteAccessKeyResponse.builder().build());

        assertThrows(OperationFailedException.class, () -> service(iam).ensure(new UserSpec("usr1", null, null, "p"),
                new CredentialsFile(unwritable), false));

        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAccessKeys", "createAccessKey",
                "deleteAccessKey"), iam.operations());
    }

    private static FakeClient<IamClient> existingUserWithKeys(String... ids) {
        return existingUser()
                .on("listAttachedUserPolicies", r -> ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                        .build())
                .on("listAccessKeys", r -> keys(ids))
                .on("createAccessKey", r -> CreateAccessKeyResponse.builder().accessKey(AccessKey.builder()
                        .userName("usr1").accessKeyId("AKIANEW").secretAccessKey("s").build()).build());
    }

    private CredentialsFile credentialsWith(String text) throws IOException {
        Path path = dir.resolve("credentials");
        Files.writeString(path, text);
        return new CredentialsFile(path);
    }

    @Test
    void aProfileHoldingAnotherUsersKeyIsNeverOverwrittenAndNothingChanges() throws IOException {
        FakeClient<IamClient> iam = FakeClient.of(IamClient.class)
                .on("getUser", r -> NoSuchEntityException.builder().message("no user").build())
                .on("getPolicy", r -> GetPolicyResponse.builder().build())
                .on("getAccessKeyLastUsed", (GetAccessKeyLastUsedRequest r) -> GetAccessKeyLastUsedResponse.builder()
                        .userName("admin").build());
        CredentialsFile file = credentialsWith("[default]\naws_access_key_id = AKIAADMIN\naws_secret_access_key = x\n");
        byte[] before = Files.readAllBytes(file.path());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service(iam).ensure(
                new UserSpec("usr1", List.of("p1"), null, "default"), file, false));

        assertEquals("Profile 'default' in " + file.path() + " holds access key AKIAADMIN of IAM user admin, not one "
                + "of usr1's: create-user does not overwrite it; choose another <accessKeyProfile> "
                + "(-Decr.accessKeyProfile) or remove that profile from the file; nothing was changed", e.getMessage());
        assertEquals(List.of("getUser", "getPolicy", "getAccessKeyLastUsed"), iam.operations());
        assertEquals("AKIAADMIN", ((GetAccessKeyLastUsedRequest) iam.calls().get(2).request()).accessKeyId());
        assertTrue(Arrays.equals(before, Files.readAllBytes(file.path())));
    }

    @Test
    void aKeyThatNoLongerExistsAnywhereIsStaleAndReplaced() throws IOException {
        FakeClient<IamClient> iam = existingUserWithKeys("AKIAOTHER")
                .on("getAccessKeyLastUsed", r -> NoSuchEntityException.builder()
                        .message("The Access Key with id AKIAGONE cannot be found").build());
        CredentialsFile file = credentialsWith("[usr1]\naws_access_key_id = AKIAGONE\naws_secret_access_key = x\n");

        UserService.Result result = service(iam).ensure(new UserSpec("usr1", null, null, "usr1"), file, false);

        assertEquals(Change.Outcome.CREATED, result.accessKey().outcome());
        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAccessKeys", "getAccessKeyLastUsed",
                "createAccessKey"), iam.operations());
        assertEquals(Optional.of("AKIANEW"), file.accessKeyId("usr1"));
    }

    @Test
    void aKeyOfTheUserMadeSinceTheKeysWereListedIsKept() throws IOException {
        FakeClient<IamClient> iam = existingUserWithKeys()
                .on("getAccessKeyLastUsed", r -> GetAccessKeyLastUsedResponse.builder().userName("USR1").build());
        CredentialsFile file = credentialsWith("[usr1]\naws_access_key_id = AKIAJUSTMADE\naws_secret_access_key = x\n");

        UserService.Result result = service(iam).ensure(new UserSpec("usr1", null, null, "usr1"), file, false);

        assertEquals(Change.Outcome.UNCHANGED, result.accessKey().outcome());
        assertFalse(iam.operations().contains("createAccessKey"));
    }

    @Test
    void temporaryCredentialsAreNeverOverwritten() throws IOException {
        FakeClient<IamClient> iam = existingUserWithKeys();
        CredentialsFile file = credentialsWith("[default]\naws_access_key_id = ASIASESSION\n"
                + "aws_secret_access_key = x\naws_session_token = t\n");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service(iam).ensure(
                new UserSpec("usr1", null, null, "default"), file, false));

        assertTrue(e.getMessage().startsWith("Profile 'default' in " + file.path() + " holds temporary access key "
                + "ASIASESSION of an STS session, not one of usr1's: create-user does not overwrite it"), e.getMessage());
        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAccessKeys"), iam.operations());
    }

    @Test
    void aKeyWhoseOwnerIamWillNotTellIsNeverOverwritten() throws IOException {
        FakeClient<IamClient> iam = existingUserWithKeys()
                .on("getAccessKeyLastUsed", r -> IamException.builder().statusCode(403)
                        .message("User is not authorized to perform: iam:GetAccessKeyLastUsed")
                        .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                .errorCode("AccessDenied")
                                .errorMessage("User is not authorized to perform: iam:GetAccessKeyLastUsed").build())
                        .build());
        CredentialsFile file = credentialsWith("[default]\naws_access_key_id = AKIAELSEWHERE\n");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service(iam).ensure(
                new UserSpec("usr1", null, null, "default"), file, false));

        assertTrue(e.getMessage().contains(" holds access key AKIAELSEWHERE of an owner IAM does not tell (another "
                + "account's?), not one of usr1's"), e.getMessage());
        // the denied action is named, for a caller who lacks it (ecr:required-permissions lists it)
        assertTrue(e.getMessage().endsWith("nothing was changed (IAM answered GetAccessKeyLastUsed: User is not "
                + "authorized to perform: iam:GetAccessKeyLastUsed)"), e.getMessage());
        assertFalse(iam.operations().contains("createAccessKey"));
    }

    @Test
    void theFileStaysLockedFromReadingTheProfileToStoringTheKey() throws IOException {
        List<Boolean> lockedWhileCreatingTheKey = new ArrayList<>();
        FakeClient<IamClient> iam = existingUserWithKeys()
                .on("createAccessKey", r -> {
                    try (FileChannel channel = FileChannel.open(dir.resolve("credentials.lock"),
                            StandardOpenOption.WRITE)) {
                        channel.tryLock().release();
                        lockedWhileCreatingTheKey.add(false);
                    } catch (OverlappingFileLockException e) {
                        lockedWhileCreatingTheKey.add(true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return CreateAccessKeyResponse.builder().accessKey(AccessKey.builder().userName("usr1")
                            .accessKeyId("AKIANEW").secretAccessKey("s").build()).build();
                });

        service(iam).ensure(new UserSpec("usr1", null, null, "usr1"), new CredentialsFile(dir.resolve("credentials")),
                false);

        assertEquals(List.of(true), lockedWhileCreatingTheKey);
    }

    /**
     * IAM's access keys of usr1 as state: CreateAccessKey acts as scripted per call ("ok"; "lost": makes the key
     * and the answer is lost on the way back; "refused": IAM refuses without acting), ListAccessKeys and
     * DeleteAccessKey see and change the same keys.
     */
    private static final class Keys {
        static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
        final List<String> ids = new ArrayList<>();
        final Map<String, Instant> created = new HashMap<>();
        final Deque<String> script = new ArrayDeque<>();
        /** Runs as IAM gets a CreateAccessKey, before it acts: what others do meanwhile. */
        Runnable duringCreate = () -> {};
        int made;
        boolean listFails;

        Keys(String... existing) {
            for (String id : existing) {
                add(id, LONG_AGO);
            }
        }

        /** A key IAM made at {@code at} (its CreateDate). */
        Keys add(String id, Instant at) {
            ids.add(id);
            created.put(id, at);
            return this;
        }

        Object list() {
            List<AccessKeyMetadata> keys = new ArrayList<>();
            for (String id : ids) {
                keys.add(AccessKeyMetadata.builder().accessKeyId(id).userName("usr1").status("Active")
                        .createDate(created.get(id)).build());
            }
            return ListAccessKeysResponse.builder().accessKeyMetadata(keys).isTruncated(false).build();
        }

        FakeClient<IamClient> iam() {
            return existingUser()
                    .on("listAttachedUserPolicies", r -> ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                            .build())
                    .on("listAccessKeys", r -> listFails ? SdkClientException.create("Connection refused")
                            : list())
                    .on("deleteAccessKey", (DeleteAccessKeyRequest r) -> {
                        ids.remove(r.accessKeyId());
                        return DeleteAccessKeyResponse.builder().build();
                    })
                    .on("createAccessKey", r -> {
                        String how = script.isEmpty() ? "ok" : script.pop();
                        duringCreate.run();
                        if (how.equals("refused")) {
                            return LimitExceededException.builder().statusCode(409).message("limit").build();
                        }
                        String id = "AKIAMADE" + ++made;
                        add(id, Instant.now());
                        if (how.equals("lost")) {
                            return SdkClientException.create("Unable to execute HTTP request: Connection reset");
                        }
                        if (how.equals("lost500")) {
                            return IamException.builder().statusCode(500).message("ServiceFailure").build();
                        }
                        return CreateAccessKeyResponse.builder().accessKey(AccessKey.builder().userName("usr1")
                                .accessKeyId(id).secretAccessKey("SECRET-" + id).build()).build();
                    });
        }
    }

    private static long createAccessKeyCalls(FakeClient<IamClient> iam) {
        return iam.operations().stream().filter("createAccessKey"::equals).count();
    }

    @Test
    void aLostCreateAccessKeyAnswerMeansItsKeyIsDeletedAndOneMoreIsMade() throws IOException {
        Keys state = new Keys("AKIAOLD");
        state.script.add("lost");
        FakeClient<IamClient> iam = state.iam();
        CredentialsFile file = new CredentialsFile(dir.resolve("credentials"));

        UserService.Result result = service(iam).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(Change.Outcome.CREATED, result.accessKey().outcome());
        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAccessKeys", "createAccessKey",
                "listAccessKeys", "deleteAccessKey", "createAccessKey"), iam.operations());
        assertEquals(List.of("AKIAOLD", "AKIAMADE2"), state.ids, "the key of the lost answer is gone, the old one kept");
        assertEquals(Optional.of("AKIAMADE2"), file.accessKeyId("ci"));
        assertEquals(List.of("Deleted access key AKIAMADE1 of usr1: a CreateAccessKey whose answer was lost made it, "
                + "so nobody holds its secret"), reporter.infos);
        assertTrue(reporter.all().stream().noneMatch(m -> m.contains("SECRET-")), reporter.all().toString());
        assertFalse(Files.exists(dir.resolve("credentials.pending")), "the attempt is settled");
        for (FakeClient.Call call : iam.calls()) {
            assertEquals(call.request() instanceof CreateAccessKeyRequest ? SENDING_ONCE : null, call.via(),
                    call.operation() + ": each CreateAccessKey goes through the client without retries, the rest not");
        }
    }

    @Test
    void aFiveHundredAfterIamActedIsHandledLikeALostAnswer() {
        Keys state = new Keys();
        state.script.add("lost500");
        CredentialsFile file = new CredentialsFile(dir.resolve("credentials"));

        service(state.iam()).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(List.of("AKIAMADE2"), state.ids);
        assertEquals(Optional.of("AKIAMADE2"), file.accessKeyId("ci"));
    }

    @Test
    void aRefusedCreateAccessKeyIsNeitherRetriedNorFollowedByALook() {
        Keys state = new Keys("AKIAOLD");
        state.script.add("refused");
        FakeClient<IamClient> iam = state.iam();

        assertThrows(LimitExceededException.class, () -> service(iam).ensure(new UserSpec("usr1", null, null, "ci"),
                new CredentialsFile(dir.resolve("credentials")), false));

        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAccessKeys", "createAccessKey"),
                iam.operations());
        assertFalse(Files.exists(dir.resolve("credentials.pending")), "IAM refused: nothing is pending");
    }

    @Test
    void twoLostAnswersInARowLeaveNoKeyAndFailWithoutAThirdAttempt() {
        Keys state = new Keys("AKIAOLD");
        state.script.addAll(List.of("lost", "lost"));
        FakeClient<IamClient> iam = state.iam();

        SdkException e = assertThrows(SdkException.class, () -> service(iam).ensure(
                new UserSpec("usr1", null, null, "ci"), new CredentialsFile(dir.resolve("credentials")), false));

        assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
        assertEquals(2, createAccessKeyCalls(iam), "at most one more after the first");
        assertEquals(List.of("AKIAOLD"), state.ids, "both keys nobody holds were deleted");
        assertEquals(2, reporter.infos.size(), reporter.infos.toString());
        assertFalse(Files.exists(dir.resolve("credentials.pending")));
    }

    @Test
    void whenIamCannotBeAskedAfterALostAnswerTheRerunDeletesTheKeyAndEndsWithTheProfilesOnly() throws IOException {
        Keys state = new Keys();
        state.script.add("lost");
        FakeClient<IamClient> first = state.iam();
        CredentialsFile file = new CredentialsFile(dir.resolve("credentials"));
        // the network goes down right after the lost answer: the look fails too
        FakeClient<IamClient> failing = first.on("listAccessKeys", r -> state.made == 0 ? keys()
                : SdkClientException.create("Connection refused"));

        Instant before = Instant.now();
        SdkException e = assertThrows(SdkException.class, () -> service(failing).ensure(
                new UserSpec("usr1", null, null, "ci"), file, false));
        Instant after = Instant.now();
        assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
        assertEquals("Connection refused", e.getSuppressed()[0].getMessage());
        assertEquals(List.of("AKIAMADE1"), state.ids, "a key nobody holds is left after the failed run");
        assertTrue(Files.exists(dir.resolve("credentials.pending")), "and the run says so to the next one");
        String[] note = Files.readString(dir.resolve("credentials.pending")).split("\t|\n");
        assertEquals(List.of("ci", "usr1", "", "PT30S"), List.of(note[0], note[1], note[2], note[4]),
                "profile, user, keys before, the call's timeout");
        Instant mark = Instant.parse(note[3]);
        assertFalse(mark.isBefore(before) || mark.isAfter(after), "the mark is the time of this run's call: " + mark);
        assertEquals(1, createAccessKeyCalls(failing));

        FakeClient<IamClient> rerun = state.iam();
        UserService.Result result = service(rerun).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(Change.Outcome.CREATED, result.accessKey().outcome());
        assertEquals(List.of("AKIAMADE2"), state.ids, "exactly one key, the profile's");
        assertEquals(Optional.of("AKIAMADE2"), file.accessKeyId("ci"));
        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAccessKeys", "deleteAccessKey",
                "listAccessKeys", "createAccessKey"), rerun.operations());
        assertTrue(reporter.infos.contains("Deleted access key AKIAMADE1 of usr1: a CreateAccessKey whose answer was "
                + "lost made it, so nobody holds its secret"), reporter.infos.toString());
        assertFalse(Files.exists(dir.resolve("credentials.pending")));
    }

    @Test
    void aPendingNoteNeverCostsTheProfilesOwnKeyOrOlderKeys() throws IOException {
        // an earlier run noted a pending CreateAccessKey; since, the profile got key AKIAHELD of usr1 by hand
        Files.writeString(dir.resolve("credentials.pending"), "ci\tusr1\tAKIAOLD\n");
        Keys state = new Keys("AKIAOLD", "AKIAHELD");
        CredentialsFile file = credentialsWith("[ci]\naws_access_key_id = AKIAHELD\naws_secret_access_key = x\n");

        UserService.Result result = service(state.iam()).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(Change.Outcome.UNCHANGED, result.accessKey().outcome());
        assertEquals(List.of("AKIAOLD", "AKIAHELD"), state.ids);
        assertFalse(Files.exists(dir.resolve("credentials.pending")));
    }

    /** A pending note of an earlier run for profile ci of usr1, sent at {@code mark} with a 30 s timeout. */
    private void pendingNote(Instant mark, String... keysBefore) throws IOException {
        Files.writeString(dir.resolve("credentials.pending"),
                "ci\tusr1\t" + String.join(",", keysBefore) + "\t" + mark + "\tPT30S\n");
    }

    private static final String LOST = "Deleted access key AKIALOST of usr1: a CreateAccessKey whose answer was lost "
            + "made it, so nobody holds its secret";

    @Test
    void aKeyThatAnotherProfileOfTheFileHoldsIsKeptThoughItWasMadeRightAfterTheMark() throws IOException {
        // profile ci's run lost the answer at mark and left a note; a run for profile other (same user, same file)
        // made a key seconds later, inside the window: only the lost answer's key goes
        Instant mark = Instant.now().minus(Duration.ofMinutes(10));
        pendingNote(mark);
        Keys state = new Keys().add("AKIALOST", mark.plusSeconds(2)).add("AKIAOTHER", mark.plusSeconds(5));
        CredentialsFile file = credentialsWith("[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = x\n");
        FakeClient<IamClient> iam = state.iam();

        UserService.Result result = service(iam).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(Change.Outcome.CREATED, result.accessKey().outcome());
        assertEquals(List.of("AKIAOTHER", "AKIAMADE1"), state.ids, "the other profile's key is kept");
        assertEquals(Optional.of("AKIAOTHER"), file.accessKeyId("other"));
        assertEquals(Optional.of("AKIAMADE1"), file.accessKeyId("ci"));
        assertEquals(List.of(LOST), reporter.infos);
        assertEquals(List.of(), reporter.warnings);
        assertEquals(List.of("getUser", "listAttachedUserPolicies", "listAccessKeys", "deleteAccessKey",
                "listAccessKeys", "createAccessKey"), iam.operations());
        assertFalse(Files.exists(dir.resolve("credentials.pending")));
    }

    @Test
    void aKeyThatAnotherProfileGetsWhileTheAnswerIsLostIsKeptInTheSameRun() throws IOException {
        Keys state = new Keys();
        state.script.add("lost");
        CredentialsFile file = new CredentialsFile(dir.resolve("credentials"));
        state.duringCreate = () -> {
            if (state.made == 0) { // meanwhile, aws configure --profile other stores a new key of usr1
                state.add("AKIAOTHER", Instant.now());
                file.store("other", "AKIAOTHER", "x");
            }
        };

        service(state.iam()).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(List.of("AKIAOTHER", "AKIAMADE2"), state.ids);
        assertEquals(Optional.of("AKIAMADE2"), file.accessKeyId("ci"));
        assertEquals(List.of("Deleted access key AKIAMADE1 of usr1: a CreateAccessKey whose answer was lost made "
                + "it, so nobody holds its secret"), reporter.infos);
        assertEquals(List.of(), reporter.warnings);
    }

    @Test
    void anOperatorsKeyOutsideTheWindowIsKeptWithAWarningThatSaysHowToDeleteIt() throws IOException {
        Instant mark = Instant.now().minus(Duration.ofHours(1));
        pendingNote(mark, "AKIAOLD");
        Instant operators = Instant.now().minus(Duration.ofMinutes(5));
        Keys state = new Keys("AKIAOLD").add("AKIALOST", mark.plusSeconds(3)).add("AKIAOPS", operators);
        CredentialsFile file = credentialsWith("[ci]\naws_access_key_id = AKIAOLD\naws_secret_access_key = x\n");

        UserService.Result result = service(state.iam()).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(Change.Outcome.UNCHANGED, result.accessKey().outcome());
        assertEquals(List.of("AKIAOLD", "AKIAOPS"), state.ids, "nobody holds the operator's key, but it is kept");
        assertEquals(List.of(LOST), reporter.infos);
        assertEquals(List.of("Access key AKIAOPS of usr1 appeared since a CreateAccessKey whose answer was lost, but "
                + "was made at " + operators + ", outside the time that call can have made it ("
                + mark.minus(Duration.ofMinutes(1)) + " to " + mark.plus(Duration.ofSeconds(90)) + "), and no profile "
                + "of " + file.path() + " holds it: left alone, as someone else may use it. If nobody does, delete "
                + "it: aws iam delete-access-key --user-name usr1 --access-key-id AKIAOPS"), reporter.warnings);
        assertFalse(Files.exists(dir.resolve("credentials.pending")));
    }

    @Test
    void theLostAnswersKeyInsideTheWindowIsDeletedAndTheWindowEndsWithTheCallsTimeout() throws IOException {
        // the earlier run's call had 5 s in all: its key can be up to 5 s + the 1 min skew after the mark
        Instant mark = Instant.now().minus(Duration.ofHours(1));
        Files.writeString(dir.resolve("credentials.pending"), "ci\tusr1\tAKIACI\t" + mark + "\tPT5S\n");
        Keys state = new Keys("AKIACI").add("AKIALOST", mark.plusSeconds(5 + 59))
                .add("AKIALATE", mark.plusSeconds(5 + 61)).add("AKIAEARLY", mark.minusSeconds(61));
        CredentialsFile file = credentialsWith("[ci]\naws_access_key_id = AKIACI\naws_secret_access_key = x\n");

        service(state.iam(), Duration.ofSeconds(5)).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(List.of("AKIACI", "AKIALATE", "AKIAEARLY"), state.ids);
        assertEquals(List.of(LOST), reporter.infos);
        assertEquals(2, reporter.warnings.size(), reporter.warnings.toString());
        assertTrue(reporter.warnings.get(0).endsWith("--access-key-id AKIALATE"), reporter.warnings.toString());
        assertTrue(reporter.warnings.get(1).endsWith("--access-key-id AKIAEARLY"), reporter.warnings.toString());
    }

    @Test
    void aNoteOfTheEarlierFormatWithoutATimeDeletesNothingAndWarns() throws IOException {
        Files.writeString(dir.resolve("credentials.pending"), "ci\tusr1\tAKIAOLD\n");
        Keys state = new Keys("AKIAOLD").add("AKIASTRAY", Instant.now().minusSeconds(30));
        CredentialsFile file = credentialsWith("[ci]\naws_access_key_id = AKIAOLD\naws_secret_access_key = x\n");
        FakeClient<IamClient> iam = state.iam();

        service(iam).ensure(new UserSpec("usr1", null, null, "ci"), file, false);

        assertEquals(List.of("AKIAOLD", "AKIASTRAY"), state.ids);
        assertFalse(iam.operations().contains("deleteAccessKey"));
        assertEquals(List.of("Access key AKIASTRAY of usr1 appeared since a CreateAccessKey whose answer was lost, "
                + "but the note of that call (an earlier version's) does not say when it was sent, and no profile of "
                + file.path() + " holds it: left alone, as someone else may use it. If nobody does, delete it: aws iam "
                + "delete-access-key --user-name usr1 --access-key-id AKIASTRAY"), reporter.warnings);
        assertFalse(Files.exists(dir.resolve("credentials.pending")), "the note is settled");
    }

    @Test
    void aUserWhoseCreateAnswerWasLostIsReportedAsCreated() {
        FakeClient<IamClient> retried = FakeClient.of(IamClient.class)
                .on("getUser", r -> NoSuchEntityException.builder().message("no user").build())
                .on("createUser", r -> EntityAlreadyExistsException.builder().message("User usr1 already exists")
                        .numAttempts(2).build());
        int[] gets = {0};
        retried.on("getUser", r -> gets[0]++ == 0 ? NoSuchEntityException.builder().message("no user").build()
                : GetUserResponse.builder().user(User.builder().userName("usr1").arn(USER_ARN).build()).build());

        UserService.Result result = service(retried).ensure(new UserSpec("usr1", null, null, null),
                new CredentialsFile(dir.resolve("credentials")), false);

        assertEquals(Change.created("IAM user", "usr1", USER_ARN), result.user());

        int[] looks = {0};
        FakeClient<IamClient> failed = FakeClient.of(IamClient.class)
                .on("getUser", r -> looks[0]++ == 0 ? NoSuchEntityException.builder().message("no user").build()
                        : GetUserResponse.builder().user(User.builder().userName("usr1").arn(USER_ARN).build()).build())
                .on("createUser", r -> SdkClientException.create("Read timed out"));

        assertEquals(Change.created("IAM user", "usr1", USER_ARN), service(failed).ensure(
                new UserSpec("usr1", null, null, null), new CredentialsFile(dir.resolve("credentials")), false).user());
        assertEquals(List.of("getUser", "createUser", "getUser"), failed.operations());
    }

    @Test
    void namesAreCheckedBeforeAnyCall() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new UserSpec("usr 1", null, null, null));
        assertEquals("<userName> 'usr 1' is not a valid IAM user name: use 1 to 64 letters, digits and "
                + "+ = , . @ _ -", e.getMessage());
        assertThrows(InvalidInputException.class, () -> new UserSpec("u".repeat(65), null, null, null));
        new UserSpec("u".repeat(64), null, null, null);
        assertThrows(InvalidInputException.class, () -> new UserSpec("usr1", List.of("a/b"), null, null));
        assertThrows(InvalidInputException.class, () -> new UserSpec("usr1", null, List.of("p1"), null));
        assertThrows(InvalidInputException.class, () -> new UserSpec(" ", null, null, null));
        assertEquals(List.of("a", "b"), new UserSpec("usr1", List.of(" a ", "", "b", "a"), null, null).policyNames());
    }
}

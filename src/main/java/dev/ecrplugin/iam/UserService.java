package dev.ecrplugin.iam;

import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.aws.NoRetry;
import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Makes an IAM user exist with the declared policies attached and, when asked, a current access key of it stored
 * in a profile of the AWS credentials file. Idempotent: an existing user is left as it is, only missing attachments
 * are added, and a new access key is made only when the profile holds none of the user's current keys. A profile
 * holding another principal's key (another user's, a temporary one, one IAM does not attribute) is never
 * overwritten; a key that no longer exists in IAM is stale and replaced. Everything is checked before anything
 * changes.
 *
 * <p>Calls that create, and what happens when their answer is lost (a 5xx, a reset connection, a timeout: the
 * request may have reached IAM and acted):
 * <ul>
 * <li>CreateAccessKey is not idempotent (each call makes another key, whose secret only its answer carries), so it is
 * never retried blindly: it goes through the client that sends once (the SDK's retries off); after an unknown outcome
 * the user's keys are listed, and a key that appeared is deleted (said at INFO, by key id) only when no profile of the
 * credentials file holds it and IAM's CreateDate of it lies in the time the call can have made it: from the mark taken
 * just before it was sent (less {@link #CLOCK_SKEW}) to the mark plus the call's whole timeout (plus
 * {@link #CLOCK_SKEW}). Another key that appeared, made by someone else (another build, an operator), is left alone
 * with a WARNING naming its id and how to delete it. At most one more key is made. The call is noted in
 * {@link PendingKeys} first, with its mark and timeout, so that a run that could not settle it (IAM unreachable right
 * after) leaves the next run what it needs to delete that key: any failure followed by a rerun ends with one key of
 * this call, the profile's. A note of the earlier format (no time) deletes nothing: it only warns.</li>
 * <li>CreateUser keeps the SDK's retries: a repeat cannot make a second user, it fails with EntityAlreadyExists.
 * That answer on a retry ({@code numAttempts() > 1}), or a look (GetUser) after the call failed with an unknown
 * outcome that finds the user, means this run created it: reported as created.</li>
 * <li>AttachUserPolicy and DeleteAccessKey are idempotent (attaching twice leaves one attachment; deleting a key
 * deleted already is NoSuchEntity, read as done): SDK retries stay on.</li>
 * </ul>
 */
public final class UserService {

    static final String KIND = "IAM user";
    /** IAM allows this many access keys per user. */
    static final int MAX_KEYS = 2;
    /**
     * How far IAM's clock (CreateDate) and this machine's may be apart for a key to count as made by a call whose
     * answer was lost; a key outside the window so widened is never deleted, only warned about.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final IamClient iam;
    private final IamClient sendingOnce;
    private final String partition;
    private final Supplier<String> accountId;
    private final Duration callTimeout;
    private final Reporter reporter;

    /**
     * @param iam         the IAM client, with the SDK's retries
     * @param sendingOnce an IAM client without them, for CreateAccessKey ({@code AwsClients.iamSendingOnce()})
     * @param partition   the partition of the caller (aws, aws-cn, ...), for the ARNs of policies given by name
     * @param accountId   the caller's account, asked only when a policy is given by name
     * @param callTimeout how long one IAM call may take in all (the clients' apiCallTimeout): bounds when a
     *                    CreateAccessKey whose answer was lost can have made its key
     */
    public UserService(IamClient iam, IamClient sendingOnce, String partition, Supplier<String> accountId,
            Duration callTimeout, Reporter reporter) {
        this.iam = Objects.requireNonNull(iam);
        this.sendingOnce = Objects.requireNonNull(sendingOnce);
        this.partition = Objects.requireNonNull(partition);
        this.accountId = Objects.requireNonNull(accountId);
        this.callTimeout = Objects.requireNonNull(callTimeout);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /**
     * When a CreateAccessKey whose answer was lost can have made its key, in IAM's CreateDate: from the first mark
     * (less the skew) to the last mark plus the call's timeout (plus the skew).
     */
    private record Window(Instant from, Instant to) {

        static Window of(Instant firstMark, Instant lastMark, Duration callTimeout) {
            return new Window(firstMark.minus(CLOCK_SKEW), lastMark.plus(callTimeout).plus(CLOCK_SKEW));
        }

        boolean contains(Instant created) {
            return created != null && !created.isBefore(from) && !created.isAfter(to);
        }
    }

    /** What the goal did: the user's change, and the access key's (null without an access key profile). */
    public record Result(Change user, AccessKeyChange accessKey) {}

    /** What happened to the access key of a profile; its line never holds the key. */
    public record AccessKeyChange(Change.Outcome outcome, String userName, String profile, String file) {

        public String line() {
            return switch (outcome) {
                case UNCHANGED -> "Profile '" + profile + "' in " + file + " holds a current key of " + userName
                        + ", unchanged";
                case WOULD_CREATE, WOULD_UPDATE -> "Would store a new access key for " + userName + " in profile '"
                        + profile + "' of " + file;
                default -> "Stored a new access key for " + userName + " in profile '" + profile + "' of " + file;
            };
        }
    }

    /**
     * Converges the user to the spec; {@code credentials} is the file that receives the access key (used only when
     * the spec names an access key profile). Outside a dry run, the file stays locked from reading the profile to
     * storing the new key, so that parallel runs for the same profile make one key, not two.
     */
    public Result ensure(UserSpec spec, CredentialsFile credentials, boolean dryRun) {
        if (spec.accessKeyProfile() == null || dryRun) {
            return converge(spec, credentials, dryRun);
        }
        try (CredentialsFile.Lock lock = credentials.lock()) {
            return converge(spec, credentials, dryRun);
        }
    }

    private Result converge(UserSpec spec, CredentialsFile credentials, boolean dryRun) {
        String name = spec.userName();
        Optional<User> existing = findUser(name);
        Set<String> attached = existing.isPresent() ? attachedPolicyArns(name) : Set.of();
        reporter.debug(existing.isPresent() ? "IAM user " + name + " exists; attached: " + attached
                : "IAM user " + name + " does not exist");

        Map<String, String> missing = missingPolicies(spec, attached); // ARN -> name to show
        checkPoliciesExist(spec, missing);
        if (spec.accessKeyProfile() != null && !dryRun) {
            settlePendingKey(spec.accessKeyProfile(), credentials);
        }
        List<AccessKeyMetadata> keys = new ArrayList<>();
        boolean newKey = spec.accessKeyProfile() != null
                && needsNewKey(name, spec.accessKeyProfile(), credentials, existing.isPresent(), keys);

        String shown = String.join(", ", missing.values());
        Change user;
        if (dryRun) {
            if (existing.isEmpty()) {
                user = new Change(Change.Outcome.WOULD_CREATE, KIND, name, null, missing.isEmpty() ? null
                        : "attach " + shown);
            } else if (!missing.isEmpty()) {
                user = new Change(Change.Outcome.WOULD_UPDATE, KIND, name, existing.get().arn(), "attach " + shown);
            } else {
                user = Change.unchanged(KIND, name, existing.get().arn());
            }
        } else {
            String arn;
            Change.Outcome outcome;
            if (existing.isEmpty()) {
                arn = createUser(name);
                outcome = Change.Outcome.CREATED;
            } else {
                arn = existing.get().arn();
                outcome = missing.isEmpty() ? Change.Outcome.UNCHANGED : Change.Outcome.UPDATED;
            }
            for (String policyArn : missing.keySet()) {
                iam.attachUserPolicy(r -> r.userName(name).policyArn(policyArn));
                reporter.debug("Attached " + policyArn + " to IAM user " + name);
            }
            user = new Change(outcome, KIND, name, arn, missing.isEmpty() ? null : "attached " + shown);
        }

        AccessKeyChange key = null;
        if (spec.accessKeyProfile() != null) {
            String file = credentials.path().toString();
            Change.Outcome outcome = !newKey ? Change.Outcome.UNCHANGED
                    : dryRun ? Change.Outcome.WOULD_CREATE : Change.Outcome.CREATED;
            if (outcome == Change.Outcome.CREATED) {
                storeNewKey(name, spec.accessKeyProfile(), credentials,
                        keys.stream().map(AccessKeyMetadata::accessKeyId).collect(Collectors.toSet()));
            }
            key = new AccessKeyChange(outcome, name, spec.accessKeyProfile(), file);
        }
        return new Result(user, key);
    }

    private Optional<User> findUser(String name) {
        try {
            return Optional.of(iam.getUser(r -> r.userName(name)).user());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    private Set<String> attachedPolicyArns(String name) {
        Set<String> arns = new TreeSet<>();
        for (AttachedPolicy p : iam.listAttachedUserPoliciesPaginator(r -> r.userName(name)).attachedPolicies()) {
            arns.add(p.policyArn());
        }
        return arns;
    }

    private Map<String, String> missingPolicies(UserSpec spec, Set<String> attached) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (!spec.policyNames().isEmpty()) {
            String account = accountId.get();
            for (String policyName : spec.policyNames()) {
                String arn = "arn:" + partition + ":iam::" + account + ":policy/" + policyName;
                if (!attached.contains(arn)) {
                    missing.put(arn, policyName);
                }
            }
        }
        for (String arn : spec.policyArns()) {
            if (!attached.contains(arn)) {
                missing.putIfAbsent(arn, arn.substring(arn.lastIndexOf('/') + 1));
            }
        }
        return missing;
    }

    /** Every policy to attach must exist, or nothing is done and all missing ones are named. */
    private void checkPoliciesExist(UserSpec spec, Map<String, String> toAttach) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> policy : toAttach.entrySet()) {
            try {
                iam.getPolicy(r -> r.policyArn(policy.getKey()));
            } catch (NoSuchEntityException e) {
                boolean byName = spec.policyNames().contains(policy.getValue())
                        && !spec.policyArns().contains(policy.getKey());
                unknown.add(byName ? policy.getValue() + " (" + policy.getKey() + ") of <policyNames>"
                        : policy.getKey() + " of <policyArns>");
            }
        }
        if (!unknown.isEmpty()) {
            boolean one = unknown.size() == 1;
            throw new InvalidInputException("IAM " + (one ? "policy " : "policies ") + String.join(", ", unknown)
                    + (one ? " does" : " do") + " not exist: create " + (one ? "it" : "them")
                    + " first (ecr:create-policy) or correct the name; "
                    + "IAM user " + spec.userName() + " was not changed");
        }
    }

    /** @param keys receives the user's keys as listed now (none for a user that does not exist yet) */
    private boolean needsNewKey(String name, String profile, CredentialsFile credentials, boolean userExists,
            List<AccessKeyMetadata> keys) {
        Optional<String> stored = credentials.accessKeyId(profile);
        if (userExists) {
            iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata().forEach(keys::add);
        }
        if (stored.isPresent()) {
            Optional<AccessKeyMetadata> current = keys.stream()
                    .filter(k -> k.accessKeyId().equals(stored.get())).findFirst();
            if (current.isPresent()) {
                reporter.debug("Profile '" + profile + "' holds access key " + stored.get() + " of " + name);
                if (current.get().status() == StatusType.INACTIVE) {
                    reporter.warn("The access key in profile '" + profile + "' of " + credentials.path() + " is "
                            + "inactive in IAM: activate it (aws iam update-access-key --status Active), or delete "
                            + "it so that the next run stores a new one");
                }
                return false;
            }
            if (isTheUsersKey(name, profile, credentials, stored.get())) {
                return false; // the key turned out to be the user's (made by a parallel run since we listed)
            }
        }
        if (keys.size() >= MAX_KEYS) {
            throw new InvalidInputException("IAM user " + name + " already has " + keys.size() + " access keys, the "
                    + "most IAM allows, and profile '" + profile + "' of " + credentials.path() + " holds neither, "
                    + "so no new key can be made for it: delete one of the user's keys (aws iam list-access-keys "
                    + "--user-name " + name + ", then aws iam delete-access-key --user-name " + name
                    + " --access-key-id ID) and run again; nothing was changed");
        }
        return true;
    }

    /**
     * Decides about a key id in the profile that ListAccessKeys does not list for the user. The profile may be
     * overwritten only when it holds nobody's key: IAM's GetAccessKeyLastUsed names the owner of any key of the
     * account and answers NoSuchEntity for a key that no longer exists (deleted, or never was), which is then
     * stale and replaced. Everything else fails, so that create-user never destroys credentials someone uses:
     * a key of another IAM user; a temporary key (ASIA..., an STS session's, which IAM cannot attribute); a key
     * whose owner IAM does not tell (AccessDenied, e.g. a key of another account).
     *
     * @return true when the key is the user's after all (made by a parallel run since the keys were listed),
     *         false when it is stale
     * @throws InvalidInputException when it is, or may be, another principal's
     */
    private boolean isTheUsersKey(String name, String profile, CredentialsFile credentials,
            String keyId) {
        String whose;
        String answer = "";
        if (keyId.startsWith("ASIA")) {
            whose = "temporary access key " + keyId + " of an STS session";
        } else {
            try {
                String owner = iam.getAccessKeyLastUsed(r -> r.accessKeyId(keyId)).userName();
                if (name.equalsIgnoreCase(owner)) { // IAM user names are unique ignoring case
                    reporter.debug("Profile '" + profile + "' holds access key " + keyId + " of " + name);
                    return true;
                }
                whose = "access key " + keyId + " of IAM user " + owner;
            } catch (NoSuchEntityException e) {
                reporter.debug("Profile '" + profile + "' holds access key " + keyId + ", which no longer exists: "
                        + "replacing it");
                return false;
            } catch (IamException e) {
                if (e.statusCode() != 403) {
                    throw e;
                }
                reporter.debug("IAM does not tell whose access key " + keyId + " is: " + e.getMessage());
                whose = "access key " + keyId + " of an owner IAM does not tell (another account's?)";
                // AWS's answer names the action denied (iam:GetAccessKeyLastUsed), for a caller who lacks it
                answer = " (IAM answered GetAccessKeyLastUsed: " + AwsErrors.message(e) + ")";
            }
        }
        throw new InvalidInputException("Profile '" + profile + "' in " + credentials.path() + " holds " + whose
                + ", not one of " + name + "'s: create-user does not overwrite it; choose another <accessKeyProfile> "
                + "(-Decr.accessKeyProfile) or remove that profile from the file; nothing was changed" + answer);
    }

    /**
     * Creates the user; an "already exists" answer is this run's doing when it came on the SDK's retry of a call
     * whose first answer was lost, and another build's (made between our lookup and our create) when it came on
     * the first attempt: the user is reported as created either way, as the lookup before found none.
     */
    private String createUser(String name) {
        try {
            return iam.createUser(r -> r.userName(name)).user().arn();
        } catch (EntityAlreadyExistsException e) {
            reporter.debug("IAM user " + name + (retried(e) ? " exists after an answer to CreateUser was lost: this "
                    + "run created it" : " appeared while creating it (a parallel build?)"));
            return iam.getUser(r -> r.userName(name)).user().arn();
        } catch (SdkException e) {
            if (!NoRetry.outcomeUnknown(e)) {
                throw e;
            }
            User made = lookAfterLostAnswer(() -> findUser(name), e).orElseThrow(() -> e);
            reporter.debug("IAM user " + name + " exists although CreateUser failed (" + e.getMessage() + "): "
                    + "this run created it");
            return made.arn();
        }
    }

    /** True when the SDK sent the call more than once: an earlier attempt's answer was lost. */
    static boolean retried(SdkException e) {
        return e.numAttempts() != null && e.numAttempts() > 1;
    }

    /** What a look finds after a call failed with an unknown outcome; the call's failure when the look fails too. */
    private static <T> Optional<T> lookAfterLostAnswer(Supplier<Optional<T>> look, SdkException failure) {
        try {
            return look.get();
        } catch (SdkException lookFailed) {
            failure.addSuppressed(lookFailed);
            throw failure;
        }
    }

    /**
     * Makes one new key and stores it in the profile. CreateAccessKey is sent once per attempt (no SDK retries);
     * after an attempt whose outcome is unknown, keys that appeared (not among {@code before}) are deleted and one
     * more attempt is made. The attempt is noted in {@link PendingKeys} until it is settled.
     */
    private void storeNewKey(String name, String profile, CredentialsFile credentials, Set<String> before) {
        PendingKeys pending = new PendingKeys(credentials.path());
        Instant firstMark = Instant.now();
        pending.mark(profile, name, before, firstMark, callTimeout);
        AccessKey key;
        try {
            key = createAccessKeyOnce(name);
        } catch (SdkException first) {
            if (!NoRetry.outcomeUnknown(first)) {
                pending.clear(profile); // IAM refused: no key was made
                throw first;
            }
            reporter.debug("The answer to CreateAccessKey for " + name + " was lost (" + first.getMessage()
                    + "): looking for a key it made");
            deleteStrays(name, before, Window.of(firstMark, firstMark, callTimeout), credentials, first);
            Instant secondMark = Instant.now();
            pending.mark(profile, name, before, secondMark, callTimeout);
            try {
                key = createAccessKeyOnce(name);
            } catch (SdkException second) {
                if (NoRetry.outcomeUnknown(second)) {
                    deleteStrays(name, before, Window.of(firstMark, secondMark, callTimeout), credentials, second);
                }
                pending.clear(profile);
                second.addSuppressed(first);
                throw second;
            }
        }
        AccessKey made = key;
        reporter.debug("Created access key " + made.accessKeyId() + " for " + name);
        try {
            credentials.store(profile, made.accessKeyId(), made.secretAccessKey());
        } catch (EcrPluginException e) {
            try { // a key nobody holds only uses up one of the user's two
                iam.deleteAccessKey(r -> r.userName(name).accessKeyId(made.accessKeyId()));
                reporter.debug("Deleted access key " + made.accessKeyId() + " again: it could not be stored");
                pending.clear(profile);
            } catch (SdkException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        pending.clear(profile);
    }

    private AccessKey createAccessKeyOnce(String name) {
        return sendingOnce.createAccessKey(r -> r.userName(name)).accessKey();
    }

    /**
     * Deletes the user's keys made by a CreateAccessKey whose answer was lost, so that nobody holds their secret:
     * those not among {@code before}, held by no profile of the credentials file, and made (CreateDate) within
     * {@code window}. A key that appeared outside it (or when {@code window} is null: a note that did not record
     * the time) and that no profile holds may be someone else's: it is left alone, with a WARNING saying how to
     * delete it. When IAM cannot be asked, {@code failure} (the create's) is thrown with that failure suppressed,
     * and the pending note stays for the next run.
     */
    private void deleteStrays(String name, Set<String> before, Window window, CredentialsFile credentials,
            SdkException failure) {
        try {
            Set<String> held = credentials.accessKeyIds();
            List<String> strays = new ArrayList<>();
            for (AccessKeyMetadata k : iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata()) {
                String id = k.accessKeyId();
                if (before.contains(id) || held.contains(id)) {
                    continue;
                }
                if (window != null && window.contains(k.createDate())) {
                    strays.add(id);
                } else {
                    reporter.warn("Access key " + id + " of " + name + " appeared since a CreateAccessKey whose "
                            + "answer was lost, but " + (window == null
                                    ? "the note of that call (an earlier version's) does not say when it was sent"
                                    : (k.createDate() == null ? "IAM does not say when it was made"
                                            : "was made at " + k.createDate()) + ", outside the time that call can "
                                            + "have made it (" + window.from() + " to " + window.to() + ")")
                            + ", and no profile of " + credentials.path() + " holds it: left alone, as someone else "
                            + "may use it. If nobody does, delete it: aws iam delete-access-key --user-name " + name
                            + " --access-key-id " + id);
                }
            }
            for (String id : strays) {
                try {
                    iam.deleteAccessKey(r -> r.userName(name).accessKeyId(id));
                } catch (NoSuchEntityException gone) {
                    // deleted meanwhile: as good
                }
                reporter.info("Deleted access key " + id + " of " + name + ": a CreateAccessKey whose answer was "
                        + "lost made it, so nobody holds its secret");
            }
        } catch (NoSuchEntityException userGone) {
            reporter.debug("IAM user " + name + " no longer exists: no key of it to delete");
        } catch (SdkException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
            throw failure;
        }
    }

    /**
     * Settles a CreateAccessKey of an earlier run into {@code profile} whose outcome that run could not learn:
     * deletes the keys of its user that it can have made and that no profile of the file holds (see
     * {@link #deleteStrays}), then forgets it.
     */
    private void settlePendingKey(String profile, CredentialsFile credentials) {
        PendingKeys pending = new PendingKeys(credentials.path());
        Optional<PendingKeys.Pending> earlier = pending.find(profile);
        if (earlier.isEmpty()) {
            return;
        }
        reporter.debug("An earlier run's CreateAccessKey for " + earlier.get().userName() + " into profile '" + profile
                + "' was not settled (" + pending.path() + (earlier.get().markedAt() == null ? ", no time noted"
                : ", sent at " + earlier.get().markedAt()) + "): deleting any key it made");
        PendingKeys.Pending note = earlier.get();
        Window window = note.markedAt() == null ? null
                : Window.of(note.markedAt(), note.markedAt(), note.callTimeout());
        deleteStrays(note.userName(), note.keysBefore(), window, credentials, null);
        pending.clear(profile);
    }
}

package dev.ecrplugin.permissions;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.JsonText;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.RegistryHost;
import dev.ecrplugin.ecr.RepositorySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.thirdparty.jackson.core.util.DefaultIndenter;
import software.amazon.awssdk.thirdparty.jackson.core.util.DefaultPrettyPrinter;

/**
 * The least-privilege IAM policy document for a set of goals as a build configures them: the actions of
 * {@link GoalActions} for each goal's configuration, each narrowed to the ARNs of the repositories, policies, users,
 * roles and keys the configuration names ({@code ecr:GetAuthorizationToken} on {@code *}, as it has no resources).
 */
public final class RequiredPermissions {

    private static final String ANY = "*";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32}");
    private static final String[] CREDENTIAL_SETTINGS = {"profile", "serverId", "roleArn"};

    /**
     * The policy and what it is made of.
     *
     * @param document the IAM policy document, pretty-printed JSON
     * @param actions  each goal (as {@link GoalConfig#describe()}) to the IAM actions it needs
     * @param file     where the document was written, or null
     */
    public record Result(String document, Map<String, Set<String>> actions, Path file) {}

    private final String defaultRegion;
    private final Supplier<String> account;
    private final Reporter reporter;
    private String accountId;

    /**
     * @param defaultRegion the region of goals that set none
     * @param account       the account of the ARNs (asked only when a statement names a resource)
     */
    public RequiredPermissions(String defaultRegion, Supplier<String> account, Reporter reporter) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion);
        this.account = Objects.requireNonNull(account);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /**
     * The document for {@code goals}, also written to {@code file} (null: not written).
     *
     * @param self the settings of the goal that asks (its credentials), to say which goals run with others
     */
    public Result compute(List<GoalConfig> goals, GoalConfig self, Path file) {
        checkGoals(goals);
        Map<String, Set<String>> resourcesByAction = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> actionsByGoal = new LinkedHashMap<>();
        for (GoalConfig goal : goals) {
            Set<String> goalActions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            Map<GoalActions.Resource, List<String>> named = new java.util.EnumMap<>(GoalActions.Resource.class);
            for (GoalActions.Call call : GoalActions.calls(goal)) {
                if (call.actions().isEmpty()) {
                    continue;
                }
                List<String> resources = named.computeIfAbsent(call.resource(), kind -> resources(kind, goal));
                for (String action : call.actions()) {
                    resourcesByAction.computeIfAbsent(action, a -> new TreeSet<>()).addAll(resources);
                    goalActions.add(action);
                }
            }
            actionsByGoal.merge(goal.describe(), goalActions, (a, b) -> {
                a.addAll(b);
                return a;
            });
            reporter.info(goal.describe() + ": " + String.join(", ", goalActions));
        }
        noteOtherCredentials(goals, self);
        String document = render(resourcesByAction);
        if (file != null) {
            write(file, document);
        }
        return new Result(document, actionsByGoal, file);
    }

    /** No goal to compute permissions for is the user's mistake, said before anything is asked of AWS. */
    public static void checkGoals(List<GoalConfig> goals) {
        if (goals.isEmpty()) {
            throw new InvalidInputException("No goal of this plugin to compute permissions for: bind goals in the "
                    + "POM (<executions>), or name them with -Decr.goals (e.g. -Decr.goals=login,push)");
        }
    }

    /** Goals that run with credentials of their own need their statements given to that identity instead. */
    private void noteOtherCredentials(List<GoalConfig> goals, GoalConfig self) {
        Map<String, List<String>> byCredentials = new LinkedHashMap<>();
        for (GoalConfig goal : goals) {
            List<String> differ = new ArrayList<>();
            for (String setting : CREDENTIAL_SETTINGS) {
                String own = goal.value(setting);
                if (own != null && !own.equals(self.value(setting))) {
                    differ.add("<" + setting + ">" + own + "</" + setting + ">");
                }
            }
            if (!differ.isEmpty()) {
                byCredentials.computeIfAbsent(String.join(" ", differ), k -> new ArrayList<>()).add(goal.describe());
            }
        }
        byCredentials.forEach((credentials, described) -> reporter.warn(String.join(", ", described)
                + (described.size() == 1 ? " runs" : " run") + " with " + credentials + ", other credentials than "
                + "this goal's: the policy below is the sum for one identity; give the identity of " + credentials
                + " the actions listed for " + (described.size() == 1 ? "that goal" : "those goals")));
    }

    /** The ARNs {@code kind} means for {@code goal}. */
    private List<String> resources(GoalActions.Resource kind, GoalConfig goal) {
        String region = goal.value("region") != null ? goal.value("region") : defaultRegion;
        String partition = RegistryHost.partitionOf(region);
        return switch (kind) {
            case ANY -> List.of(ANY);
            case REPOSITORY -> List.of(repositoryArn(goal, region, partition));
            case POLICY -> List.of("arn:" + partition + ":iam::" + account() + ":policy/"
                    + named(goal, "policyName", "policy/*"));
            case ATTACHED_POLICIES -> {
                List<String> arns = new ArrayList<>();
                goal.values("policyNames").forEach(n -> arns.add("arn:" + partition + ":iam::" + account()
                        + ":policy/" + n));
                arns.addAll(goal.values("policyArns"));
                yield arns;
            }
            case USER -> List.of("arn:" + partition + ":iam::" + account() + ":user/"
                    + named(goal, "userName", "user/*"));
            case ROLE -> List.of(goal.value("roleArn"));
            case KMS_KEY -> List.of(kmsKeyArn(goal.value("kmsKey"), region, partition));
        };
    }

    private String repositoryArn(GoalConfig goal, String region, String partition) {
        String name = goal.value("repositoryName");
        String registry = goal.values("registryIds").isEmpty() ? null : goal.values("registryIds").get(0);
        String image = goal.value("image");
        if (image != null && (name == null || goal.goal().equals("push"))) {
            EcrImageRef ref = EcrImageRef.parse(image, "image");
            var host = ref.registry() == null ? java.util.Optional.<RegistryHost.Ecr>empty() : ref.registry().ecr();
            if (host.isPresent()) { // a full ECR image URI names the registry's account and region
                registry = host.get().accountId();
                region = host.get().region();
                partition = RegistryHost.partitionOf(region);
            }
            if (name == null) {
                name = ref.repository();
            }
        }
        if (name == null) {
            name = "*";
            reporter.warn(goal.describe() + " names no repository (<repositoryName>/-Decr.repositoryName, <image>): "
                    + "its statements allow every repository of the account, repository/*");
        }
        return RepositorySpec.arn(partition, region, registry != null ? registry : account(), name);
    }

    private String named(GoalConfig goal, String parameter, String any) {
        String name = goal.value(parameter);
        if (name == null) {
            reporter.warn(goal.describe() + " names no <" + parameter + "> (-Decr." + parameter + "): its statements "
                    + "allow " + any);
            return "*";
        }
        return name;
    }

    private String kmsKeyArn(String key, String region, String partition) {
        if (key == null) {
            return ANY; // ECR's AWS managed key
        }
        if (key.startsWith("arn:")) {
            return key;
        }
        if (KEY_ID.matcher(key).matches()) {
            return "arn:" + partition + ":kms:" + region + ":" + account() + ":key/" + key;
        }
        return "arn:" + partition + ":kms:" + region + ":" + account() + ":key/*"; // an alias names some key
    }

    private String account() {
        if (accountId == null) {
            accountId = account.get();
        }
        return accountId;
    }

    /**
     * One statement per set of resources: the actions that need exactly those; an action on {@code *} (and every
     * other one of its resources with it) goes to the statement on {@code *}.
     */
    static String render(Map<String, Set<String>> resourcesByAction) {
        Map<Set<String>, Set<String>> statements = new TreeMap<>(Comparator.comparing(RequiredPermissions::sortKey));
        resourcesByAction.forEach((action, resources) -> {
            Set<String> key = resources.contains(ANY) ? Set.of(ANY) : new TreeSet<>(resources);
            statements.computeIfAbsent(key, k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add(action);
        });
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JsonWriter json = JsonText.writer(printer);
        json.writeStartObject();
        json.writeFieldName("Version").writeValue("2012-10-17");
        json.writeFieldName("Statement").writeStartArray();
        Map<String, Integer> sids = new TreeMap<>();
        statements.forEach((resources, actions) -> {
            json.writeStartObject();
            String sid = sid(resources);
            int n = sids.merge(sid, 1, Integer::sum);
            json.writeFieldName("Sid").writeValue(n == 1 ? sid : sid + n);
            json.writeFieldName("Effect").writeValue("Allow");
            json.writeFieldName("Action").writeStartArray();
            actions.forEach(json::writeValue);
            json.writeEndArray();
            json.writeFieldName("Resource");
            if (resources.size() == 1) {
                json.writeValue(resources.iterator().next());
            } else {
                json.writeStartArray();
                resources.forEach(json::writeValue);
                json.writeEndArray();
            }
            json.writeEndObject();
        });
        json.writeEndArray();
        json.writeEndObject();
        return JsonText.text(json);
    }

    /** {@code *} first, then by service and resource type, then by the ARNs. */
    private static String sortKey(Set<String> resources) {
        return resources.contains(ANY) ? "" : sid(resources) + " " + String.join(" ", resources);
    }

    private static String sid(Set<String> resources) {
        if (resources.contains(ANY)) {
            return "AnyResource";
        }
        String arn = resources.iterator().next();
        String[] parts = arn.split(":", 6);
        String service = parts.length > 2 ? parts[2] : "";
        String type = parts.length > 5 ? parts[5].replaceAll("/.*", "") : "";
        return switch (service + ":" + type) {
            case "ecr:repository" -> "EcrRepositories";
            case "iam:policy" -> "IamPolicies";
            case "iam:user" -> "IamUsers";
            case "iam:role" -> "AssumeRoles";
            case "kms:key", "kms:alias" -> "KmsKeys";
            default -> Character.toUpperCase(service.isEmpty() ? 'x' : service.charAt(0))
                    + service.substring(Math.min(1, service.length())).toLowerCase(Locale.ROOT) + "Resources";
        };
    }

    private static void write(Path file, String document) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, document + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OperationFailedException("Could not write the policy to " + file + ": " + e.getMessage(), e);
        }
    }
}

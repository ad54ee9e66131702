package dev.ecrplugin.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every goal of the plugin descriptor (target/classes/META-INF/maven/plugin.xml, as Maven reads it) skips with
 * {@code ecr.skip} and with its own {@code ecr.<goal>.skip}, with nothing else configured: one INFO line, no other
 * output, no failure (a goal that ran would fail: every other parameter is null and the endpoint is a port where
 * nothing listens).
 */
class SkipTest {

    private static final File DESCRIPTOR = new File("target/classes/META-INF/maven/plugin.xml");
    /** The one goal maven-plugin-plugin generates; it is no AbstractEcrMojo and has nothing to skip. */
    private static final String HELP = "help";
    private static final String NOWHERE = "http://127.0.0.1:1";

    /** A goal as the descriptor declares it. */
    record Goal(String name, String implementation, List<Param> parameters) {
        @Override
        public String toString() {
            return name;
        }

        /** The field whose -D property is {@code property}, as the descriptor maps it. */
        String fieldOf(String property) {
            return parameters.stream().filter(p -> ("${" + property + "}").equals(p.expression())).findFirst()
                    .map(Param::name).orElse(null);
        }
    }

    record Param(String name, String expression, boolean required, boolean editable) {}

    static List<Goal> goals() throws Exception {
        assertTrue(DESCRIPTOR.isFile(), DESCRIPTOR + " is missing: run the build's compile phase (process-classes)");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Element plugin = factory.newDocumentBuilder().parse(DESCRIPTOR).getDocumentElement();
        List<Goal> goals = new ArrayList<>();
        NodeList mojos = ((Element) plugin.getElementsByTagName("mojos").item(0)).getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            List<Param> params = new ArrayList<>();
            Element parameters = child(mojo, "parameters");
            if (parameters != null) {
                NodeList ps = parameters.getElementsByTagName("parameter");
                for (int j = 0; j < ps.getLength(); j++) {
                    Element p = (Element) ps.item(j);
                    params.add(new Param(text(p, "name"), expressionOf(mojo, text(p, "name")),
                            Boolean.parseBoolean(text(p, "required")), Boolean.parseBoolean(text(p, "editable"))));
                }
            }
            goals.add(new Goal(text(mojo, "goal"), text(mojo, "implementation"), params));
        }
        return goals;
    }

    static Stream<Goal> ecrGoals() throws Exception {
        return goals().stream().filter(g -> !g.name().equals(HELP));
    }

    @Test
    void theDescriptorHasItsGoalsAndHelp() throws Exception {
        assertEquals(List.of("create-policy", "create-user", "create-repository", "set-repository-policy", "help",
                        "login", "pull", "push", "required-permissions", "scan", "tag").stream().sorted().toList(),
                goals().stream().map(Goal::name).sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("ecrGoals")
    void noParameterAUserSetsIsRequiredByMaven(Goal goal) {
        // Maven checks required parameters before the goal runs, so ecr.skip could not skip a goal missing one
        List<String> required = goal.parameters().stream().filter(p -> p.required() && p.editable())
                .map(Param::name).toList();
        assertEquals(List.of(), required, "ecr:" + goal.name() + " declares required parameters");
    }

    @ParameterizedTest
    @MethodSource("ecrGoals")
    void ecrSkipSkipsWithNothingElseConfigured(Goal goal) throws Exception {
        assertEquals(List.of("[INFO] Skipping ecr:" + goal.name() + ": ecr.skip is true"),
                runSkipped(goal, "ecr.skip"));
    }

    @ParameterizedTest
    @MethodSource("ecrGoals")
    void theGoalsOwnSkipSkipsWithNothingElseConfigured(Goal goal) throws Exception {
        String property = "ecr." + goal.name() + ".skip";
        assertEquals(List.of("[INFO] Skipping ecr:" + goal.name() + ": " + property + " is true"),
                runSkipped(goal, property));
    }

    /** What each goal says when it runs with nothing configured: the plugin's own message, naming what to set. */
    private static final Map<String, String> UNCONFIGURED = Map.ofEntries( // Map.of takes at most 10 pairs
            Map.entry("create-policy",
                    "<policyName> is required: name the IAM policy (POM <policyName> or -Decr.policyName)"),
            Map.entry("create-user",
                    "<userName> is required: name the IAM user (POM <userName> or -Decr.userName)"),
            Map.entry("create-repository", "<repositoryName> is required: name the ECR repository (POM "
                    + "<repositoryName> or -Decr.repositoryName)"),
            Map.entry("set-repository-policy", "<repositoryName> is required: name the ECR repository (POM "
                    + "<repositoryName> or -Decr.repositoryName)"),
            Map.entry("push", "<image> is required: name the image, e.g. myapp:1.0 (POM <image> or -Decr.image)"),
            Map.entry("pull", "Name the image to pull: <image>/-Decr.image (a full ECR image URI such as "
                    + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0, or app:1.0), or "
                    + "<repositoryName>/-Decr.repositoryName with <tag> or <digest>"),
            Map.entry("scan", "<repositoryName> is required: name the ECR repository of the image to scan (POM "
                    + "<repositoryName> or -Decr.repositoryName), or run ecr:push earlier in this build to scan what "
                    + "it pushed"),
            Map.entry("required-permissions", "No goal of this plugin to compute permissions for: bind goals in the "
                    + "POM (<executions>), or name them with -Decr.goals (e.g. -Decr.goals=login,push)"),
            Map.entry("tag", "<repositoryName> is required: name the ECR repository that holds the image to tag "
                    + "(POM <repositoryName> or -Decr.repositoryName)"));

    @ParameterizedTest
    @MethodSource("ecrGoals")
    void withoutASkipTheGoalRunsAndFailsWithThePluginsOwnMessage(Goal goal) throws Exception {
        // the counter-check: with the same (empty) configuration and no skip, the goal does run, and fails
        AbstractEcrMojo mojo = bare(goal);
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        if (goal.name().equals("login")) {
            // login needs no parameter of its own: it fails on what the environment lacks (no region, no
            // credentials, or the endpoint where nothing listens), which depends on where the test runs
            assertThrows(AbstractMojoExecutionException.class, mojo::execute);
        } else {
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertEquals(UNCONFIGURED.get(goal.name()), e.getMessage(), "ecr:" + goal.name() + ": "
                    + (UNCONFIGURED.containsKey(goal.name()) ? "" : "a new goal: add what it says unconfigured"));
        }
        assertFalse(log.lines.stream().anyMatch(l -> l.contains("Skipping")), log.lines.toString());
    }

    /** Runs the goal with only {@code property} true (and the endpoint nowhere), returning what it logged. */
    private static List<String> runSkipped(Goal goal, String property) throws Exception {
        String field = goal.fieldOf(property);
        assertNotNull(field, "ecr:" + goal.name() + " has no parameter with the property " + property);
        AbstractEcrMojo mojo = bare(goal);
        MojoExtension.setVariableValueToObject(mojo, field, true);
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        return log.lines;
    }

    /** A new instance of the goal, every parameter at its Java default but the endpoint, where nothing listens. */
    private static AbstractEcrMojo bare(Goal goal) throws Exception {
        Object mojo = Class.forName(goal.implementation()).getDeclaredConstructor().newInstance();
        assertTrue(mojo instanceof AbstractEcrMojo, goal.implementation() + " is no AbstractEcrMojo");
        MojoExtension.setVariableValueToObject(mojo, goal.fieldOf("ecr.endpoint"), NOWHERE);
        MojoExtension.setVariableValueToObject(mojo, "apiCallTimeout", 2);
        MojoExtension.setVariableValueToObject(mojo, "apiCallAttemptTimeout", 1);
        return (AbstractEcrMojo) mojo;
    }

    private static String expressionOf(Element mojo, String parameter) {
        Element configuration = child(mojo, "configuration");
        if (configuration == null) {
            return null;
        }
        NodeList values = configuration.getElementsByTagName(parameter);
        return values.getLength() == 0 ? null : values.item(0).getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    /** Every line at every level, as "[LEVEL] message". */
    static final class RecordingLog implements Log {
        final List<String> lines = new ArrayList<>();

        private void add(String level, CharSequence content, Throwable error) {
            lines.add("[" + level + "] " + (content == null ? "" : content)
                    + (error == null ? "" : " " + error));
        }

        @Override public boolean isDebugEnabled() { return true; }
        @Override public void debug(CharSequence content) { add("DEBUG", content, null); }
        @Override public void debug(CharSequence content, Throwable error) { add("DEBUG", content, error); }
        @Override public void debug(Throwable error) { add("DEBUG", null, error); }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public void info(CharSequence content) { add("INFO", content, null); }
        @Override public void info(CharSequence content, Throwable error) { add("INFO", content, error); }
        @Override public void info(Throwable error) { add("INFO", null, error); }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(CharSequence content) { add("WARNING", content, null); }
        @Override public void warn(CharSequence content, Throwable error) { add("WARNING", content, error); }
        @Override public void warn(Throwable error) { add("WARNING", null, error); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(CharSequence content) { add("ERROR", content, null); }
        @Override public void error(CharSequence content, Throwable error) { add("ERROR", content, error); }
        @Override public void error(Throwable error) { add("ERROR", null, error); }
    }
}

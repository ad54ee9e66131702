package dev.ecrplugin.testing;

import dev.ecrplugin.maven.AbstractEcrMojo;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * An IT's build.log, for its verify.groovy: the lines, the goal failures, and the exact {@code [ERROR]} line Maven
 * prints when a goal of this plugin fails (with the plugin's coordinates read from its descriptor, never written
 * out by hand).
 */
public final class ItLog {

    private static final String FAILED = "[ERROR] Failed to execute goal ";

    private final File basedir;
    private final String text;

    private ItLog(File basedir, String text) {
        this.basedir = basedir;
        this.text = text;
    }

    /** The build.log of the IT in {@code basedir}. */
    public static ItLog of(File basedir) {
        try {
            return new ItLog(basedir, Files.readString(new File(basedir, "build.log").toPath(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    public List<String> lines() {
        return text.lines().toList();
    }

    public boolean contains(CharSequence s) {
        return text.contains(s);
    }

    /** How often {@code s} occurs in the log. */
    public int count(CharSequence s) {
        int n = 0;
        for (int at = text.indexOf(s.toString()); at >= 0; at = text.indexOf(s.toString(), at + 1)) {
            n++;
        }
        return n;
    }

    /** The lines that contain {@code s}, in order. */
    public List<String> mentioning(String s) {
        return lines().stream().filter(l -> l.contains(s)).toList();
    }

    /** The {@code [INFO] } lines that mention {@code about}, in order. */
    public List<String> infos(String about) {
        return lines().stream().filter(l -> l.startsWith("[INFO] ") && l.contains(about)).toList();
    }

    /** Every "[ERROR] Failed to execute goal" line, in order. */
    public List<String> failures() {
        return lines().stream().filter(l -> l.startsWith(FAILED)).toList();
    }

    /** Fails unless the log has exactly {@code errorLine(goal, project, message)}, listing the failures it has. */
    public void assertFailed(String goal, String project, String message) {
        String expected = errorLine(goal, project, message);
        if (!lines().contains(expected)) {
            throw new AssertionError("no line\n" + expected + "\nin\n" + String.join("\n", failures()));
        }
    }

    /** The digest file the push goal wrote for the repository (target/ecr/REPOSITORY.digest), trimmed. */
    public String digestFile(String repository) {
        try {
            return Files.readString(new File(basedir, "target/ecr/" + repository + ".digest").toPath()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The [ERROR] line Maven prints when a goal of this plugin fails on a project (run with -Dgoal, no execution). */
    public static String errorLine(String goal, String project, String message) {
        return FAILED + Descriptor.COORDINATES + ":" + goal + " (default-cli) on project " + project + ": " + message
                + " -> [Help 1]";
    }

    /** The [INFO] line Maven prints when it starts an execution of a goal of this plugin. */
    public static String executionLine(String goal, String executionId, String project) {
        return "[INFO] --- " + Descriptor.PREFIX + ":" + pluginVersion() + ":" + goal + " (" + executionId + ") @ " + project + " ---";
    }

    /** The plugin's version, from its descriptor (META-INF/maven/plugin.xml next to its classes). */
    public static String pluginVersion() {
        return Descriptor.VERSION;
    }

    /** The plugin's descriptor, read once: the one in the class-path entry that holds the plugin's classes. */
    private static final class Descriptor {
        static final String VERSION;
        static final String COORDINATES;
        static final String PREFIX;

        static {
            Element plugin = read().getDocumentElement();
            VERSION = child(plugin, "version");
            PREFIX = child(plugin, "goalPrefix");
            COORDINATES = child(plugin, "groupId") + ":" + child(plugin, "artifactId") + ":" + VERSION;
        }

        private static org.w3c.dom.Document read() {
            try {
                String classes = AbstractEcrMojo.class.getProtectionDomain().getCodeSource().getLocation().toString();
                for (URL url : Collections.list(ItLog.class.getClassLoader().getResources("META-INF/maven/plugin.xml"))) {
                    String u = url.toString();
                    if (u.startsWith(classes) || u.startsWith("jar:" + classes + "!")) {
                        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                        try (InputStream in = url.openStream()) {
                            return factory.newDocumentBuilder().parse(in);
                        }
                    }
                }
                throw new IllegalStateException("no META-INF/maven/plugin.xml in " + classes
                        + ": build the plugin (mvn process-classes) before its tests");
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }

        private static String child(Element parent, String name) {
            for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    return e.getTextContent().trim();
                }
            }
            throw new IllegalStateException("plugin.xml has no <" + name + ">");
        }
    }
}

package dev.ecrplugin.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecrplugin.testing.HeadlessChromium;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built site (target/site, from the build's own site execution or {@code ./mvnw site}) as a reader sees it:
 * each page loaded in headless Chromium, its rendered text ({@code innerText}: laid out, CSS applied) read back.
 * Every goal of the plugin descriptor is in the goal overview with a working link, the push goal page has a parameter
 * table giving each parameter's {@code -D} property, and the usage page shows the plugin snippet of this version.
 * Screenshots of the three pages go to target/site-screenshots/. Run by the surefire execution {@code site-pages}
 * after the site is built; Chromium missing fails it with how to install it.
 */
class SitePagesIT {

    private static final File SITE = new File(System.getProperty("site.directory", "target/site"));
    private static final Path SHOTS = Path.of(System.getProperty("screenshot.directory", "target/site-screenshots"));
    private static final String VERSION = System.getProperty("project.version");

    /** name -> {description, shown} of each row of the page's parameter tables ("Required/Optional Parameters"). */
    private static final String PARAMETER_ROWS = """
            (() => {
              const rows = [];
              for (const section of document.querySelectorAll('main section')) {
                const heading = section.querySelector(':scope > h2');
                if (!heading || !/Parameters$/.test(heading.innerText.trim())) continue;
                for (const row of section.querySelectorAll(':scope > table tr')) {
                  if (row.cells.length < 4 || row.cells[0].tagName === 'TH') continue;
                  const box = row.getBoundingClientRect();
                  rows.push({table: heading.innerText.trim(), name: row.cells[0].innerText.trim(),
                             description: row.cells[3].innerText, shown: box.width > 0 && box.height > 0});
                }
              }
              return rows;
            })()""";

    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(new File(SITE, "index.html").isFile(),
                SITE + " holds no built site: run ./mvnw site (or the build's verify phase, which builds it first)");
        assertTrue(VERSION != null, "the system property project.version is not set (the surefire execution sets it)");
        chromium = HeadlessChromium.start(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void goalOverviewListsEveryGoalOfTheDescriptorWithAWorkingLink() throws Exception {
        chromium.open(page("plugin-info.html"));
        JsonNode links = chromium.eval("""
                Array.from(document.querySelectorAll('main table tr td:first-child a'))
                  .map(a => ({text: a.innerText.trim(), href: a.getAttribute('href'),
                              shown: a.getBoundingClientRect().height > 0}))""");
        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode link : links) {
            if (link.path("shown").asBoolean()) {
                listed.put(link.path("text").asText(), link.path("href").asText());
            }
        }
        chromium.screenshot(SHOTS.resolve("plugin-info.png"));
        List<SkipTest.Goal> goals = SkipTest.goals();
        assertTrue(goals.size() >= 8, "the descriptor lists " + goals);
        for (SkipTest.Goal goal : goals) {
            String shown = "ecr:" + goal.name();
            assertTrue(listed.containsKey(shown), shown + " is not in the goal overview, which shows " + listed.keySet());
            File target = new File(SITE, listed.get(shown));
            assertTrue(target.isFile(), shown + " links to " + listed.get(shown) + ", which is not in the site");
        }
        assertEquals(goals.size(), listed.size(), "goals shown that the descriptor does not have: " + listed.keySet());
    }

    @Test
    void pushPageHasAParameterTableWithTheMinusDPropertyOfEveryParameter() throws Exception {
        chromium.open(page("push-mojo.html"));
        String text = chromium.eval("document.querySelector('main').innerText").asText();
        assertTrue(text.contains("ecr:push"), "the push page's title: " + head(text));
        assertTrue(text.contains("Binds by default to the lifecycle phase: deploy"), head(text));
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> hidden = new ArrayList<>();
        for (JsonNode row : chromium.eval(PARAMETER_ROWS)) {
            rows.put(row.path("name").asText(), row.path("description").asText());
            if (!row.path("shown").asBoolean()) {
                hidden.add(row.path("name").asText());
            }
        }
        chromium.screenshot(SHOTS.resolve("push-mojo.png"));
        assertFalse(rows.isEmpty(), "no parameter table on the push page: " + head(text));
        assertTrue(hidden.isEmpty(), "parameter rows not shown: " + hidden);
        assertTrue(rows.get("<image>").contains("User Property: ecr.image"), "<image>: " + rows.get("<image>"));
        SkipTest.Goal push = SkipTest.goals().stream().filter(g -> g.name().equals("push")).findFirst().orElseThrow();
        int checked = 0;
        for (SkipTest.Param param : push.parameters()) {
            if (!param.editable()) {
                continue; // ${project}, ${session}: no parameter of the user's
            }
            String expression = param.expression();
            assertTrue(expression != null && expression.startsWith("${ecr."),
                    "push's <" + param.name() + "> has no ecr.* property: " + expression);
            String property = expression.substring(2, expression.length() - 1);
            String description = rows.get("<" + param.name() + ">");
            assertTrue(description != null, "<" + param.name() + "> is not in push's parameter table: " + rows.keySet());
            assertTrue(description.contains("User Property: " + property),
                    "<" + param.name() + "> does not show -D" + property + ": " + description);
            checked++;
        }
        assertEquals(checked, rows.size(), "rows of parameters the descriptor does not have: " + rows.keySet());
    }

    @Test
    void usagePageShowsThePluginSnippetOfThisVersionAndLinksToTheGoals() throws Exception {
        chromium.open(page("usage.html"));
        String text = chromium.eval("document.querySelector('main').innerText").asText();
        JsonNode code = chromium.eval("""
                Array.from(document.querySelectorAll('main pre'))
                  .filter(p => p.getBoundingClientRect().height > 0).map(p => p.innerText)""");
        JsonNode goalLinks = chromium.eval("""
                Array.from(document.querySelectorAll('main a'))
                  .map(a => a.getAttribute('href')).filter(h => h && h.endsWith('-mojo.html'))""");
        chromium.screenshot(SHOTS.resolve("usage.png"));
        assertTrue(text.startsWith("Usage"), "the usage page's heading: " + head(text));
        for (String unrendered : List.of("```", "$h2", "$h3", "#set", "${project.")) {
            assertFalse(text.contains(unrendered), "unrendered Markdown or Velocity (" + unrendered + "): " + text);
        }
        boolean snippet = false;
        for (JsonNode block : code) {
            String shown = block.asText();
            snippet |= shown.contains("<artifactId>ecr-maven-plugin</artifactId>")
                    && shown.contains("<version>" + VERSION + "</version>");
        }
        assertTrue(snippet, "no shown code block with the plugin of version " + VERSION + ": " + code);
        List<String> missing = new ArrayList<>();
        for (JsonNode href : goalLinks) {
            if (!new File(SITE, href.asText()).isFile()) {
                missing.add(href.asText());
            }
        }
        assertTrue(goalLinks.size() >= 3, "the usage page links no goal pages: " + goalLinks);
        assertTrue(missing.isEmpty(), "the usage page links goal pages the site lacks: " + missing);
    }

    private static File page(String name) {
        File file = new File(SITE, name);
        assertTrue(file.isFile(), name + " is not in " + SITE);
        return file;
    }

    private static String head(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

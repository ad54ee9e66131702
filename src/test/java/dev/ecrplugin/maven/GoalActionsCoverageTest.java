package dev.ecrplugin.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecrplugin.permissions.GoalActions;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every goal of the plugin descriptor that can call AWS or docker has its calls in {@link GoalActions}, so that
 * ecr:required-permissions knows it: a new goal without a line there fails here.
 */
class GoalActionsCoverageTest {

    /** The goals that call nothing: Maven's help, and required-permissions itself (one STS call, no permission). */
    private static final Set<String> CALL_NOTHING = Set.of("help", "required-permissions");

    @Test
    void everyGoalOfTheDescriptorIsInTheTable() throws Exception {
        Set<String> goals = new TreeSet<>();
        SkipTest.goals().forEach(g -> goals.add(g.name()));
        goals.removeAll(CALL_NOTHING);
        assertEquals(goals, new TreeSet<>(GoalActions.goals()));
    }
}

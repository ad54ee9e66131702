package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecrplugin.core.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositorySpecTest {

    @Test
    void aTagWithoutValueIsTheUsersMistakeNamingTheTag() {
        Map<String, String> tags = new HashMap<>(); // what Maven makes of <resourceTags><team/></resourceTags>
        tags.put("team", null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new RepositorySpec("repo1", null, null, null, null, tags));
        assertEquals("<resourceTags> tag 'team' has no value: write <team>value</team>, or remove it", e.getMessage());
    }

    @Test
    void tagsAreKeptSorted() {
        Map<String, String> tags = new HashMap<>(Map.of("b", "2", "a", "1"));
        assertEquals(Map.of("a", "1", "b", "2"), new RepositorySpec("repo1", null, null, null, null, tags).tags());
    }
}

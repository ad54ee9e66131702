package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** LayerProgress reads the lines docker, podman and a terminal-style client print while they transfer layers. */
class LayerProgressTest {

    private final LayerProgress progress = new LayerProgress();

    private String at(long seconds) {
        return progress.describe("docker push h/r:1", Duration.ofSeconds(seconds));
    }

    @Test
    void beforeAnyLayerItSaysSo() {
        progress.line("The push refers to repository [h/r]");
        assertEquals("docker push h/r:1: no layer reported yet, 10 s elapsed", at(10));
    }

    @Test
    void dockerPushCountsPushedExistingAndMountedLayersAsDone() {
        for (String id : new String[] {"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc", "dddddddddddd"}) {
            progress.line(id + ": Preparing");
        }
        progress.line("aaaaaaaaaaaa: Waiting");
        assertEquals("docker push h/r:1: 0 of 4 layers done, 10 s elapsed", at(10));
        progress.line("aaaaaaaaaaaa: Pushed");
        progress.line("bbbbbbbbbbbb: Layer already exists");
        progress.line("cccccccccccc: Mounted from other/repo");
        assertEquals("docker push h/r:1: 3 of 4 layers done, 20 s elapsed", at(20));
        progress.line("1: digest: sha256:" + "0".repeat(64) + " size: 1234");
        assertEquals("docker push h/r:1: 3 of 4 layers done, 21 s elapsed", at(21));
    }

    @Test
    void dockerPullCountsCompleteAndExistingLayers() {
        progress.line("1.0: Pulling from repo1");
        progress.line("aaaaaaaaaaaa: Already exists");
        progress.line("bbbbbbbbbbbb: Pulling fs layer");
        progress.line("bbbbbbbbbbbb: Verifying Checksum");
        progress.line("bbbbbbbbbbbb: Download complete");
        assertEquals("docker push h/r:1: 1 of 2 layers done, 5 s elapsed", at(5));
        progress.line("bbbbbbbbbbbb: Pull complete");
        assertEquals("docker push h/r:1: 2 of 2 layers done, 6 s elapsed", at(6));
    }

    @Test
    void aLayerDoneStaysDoneAndOneLayerIsSingular() {
        progress.line("aaaaaaaaaaaa: Pushed");
        progress.line("aaaaaaaaaaaa: Preparing");
        assertEquals("docker push h/r:1: 1 of 1 layer done, 3 s elapsed", at(3));
    }

    @Test
    void sizesAreShownWhereALineCarriesThem() {
        progress.line("aaaaaaaaaaaa: Pushing  12.3MB/45.6MB");
        progress.line("bbbbbbbbbbbb: Pushed");
        assertEquals("docker push h/r:1: 1 of 2 layers done (aaaaaaaaaaaa 12.3MB/45.6MB), 30 s elapsed", at(30));
        progress.line("aaaaaaaaaaaa: Pushed");
        assertEquals("docker push h/r:1: 2 of 2 layers done, 40 s elapsed", at(40));
    }

    @Test
    void podmanBlobsAreLayers() {
        progress.line("Getting image source signatures");
        progress.line("Copying blob sha256:" + "a".repeat(64));
        progress.line("Copying blob " + "b".repeat(12) + " done");
        progress.line("Copying config sha256:" + "c".repeat(64));
        assertEquals("docker push h/r:1: 1 of 2 layers done, 10 s elapsed", at(10));
    }

    @Test
    void otherLinesAreIgnored() {
        progress.line("Status: Downloaded newer image for h/r:1");
        progress.line("Digest: sha256:" + "0".repeat(64));
        progress.line("not-a-layer: Pushed");
        assertEquals("docker push h/r:1: no layer reported yet, 1 s elapsed", at(1));
    }
}

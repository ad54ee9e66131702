package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Attribute;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.StartImageScanRequest;
import software.amazon.awssdk.services.ecr.model.StartImageScanResponse;

/** The scan's waiting, paging, reporting and gate, on a fake ECR, a fake clock and a sleeper that only records. */
class ScanServiceTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final String OTHER_DIGEST = "sha256:" + "cd".repeat(32);
    private static final ImageScanFinding HIGH = finding("CVE-2023-0001", FindingSeverity.HIGH, "openssl", "1.1.1k",
            "https://nvd.nist.gov/vuln/detail/CVE-2023-0001");
    private static final ImageScanFinding MEDIUM = finding("CVE-2023-0002", FindingSeverity.MEDIUM, "zlib", null,
            "https://nvd.nist.gov/vuln/detail/CVE-2023-0002");

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final long[] now = {1_000_000_000L};
    private final List<Duration> sleeps = new ArrayList<>();
    private final FakeClient<EcrClient> fake = FakeClient.of(EcrClient.class);
    /** DescribeImageScanFindings' answers, in order (the last one repeats); a RuntimeException is thrown. */
    private final Deque<Object> answers = new ArrayDeque<>();

    private ScanService service() {
        fake.on("describeImageScanFindings", (DescribeImageScanFindingsRequest r) -> answers.size() > 1
                ? answers.poll() : answers.peek());
        return new ScanService(fake.client(), reporter, () -> now[0], d -> {
            sleeps.add(d);
            now[0] += d.toNanos();
        });
    }

    private static ImageScanFinding finding(String name, FindingSeverity severity, String pkg, String version,
                                            String uri) {
        List<Attribute> attributes = new ArrayList<>();
        if (pkg != null) {
            attributes.add(Attribute.builder().key("package_name").value(pkg).build());
        }
        if (version != null) {
            attributes.add(Attribute.builder().key("package_version").value(version).build());
        }
        attributes.add(Attribute.builder().key("CVSS2_SCORE").value("7.5").build());
        return ImageScanFinding.builder().name(name).severity(severity).uri(uri).description(name + " text")
                .attributes(attributes).build();
    }

    private static DescribeImageScanFindingsResponse status(String status, String description) {
        return DescribeImageScanFindingsResponse.builder().registryId("123456789012").repositoryName("app")
                .imageId(i -> i.imageDigest(DIGEST))
                .imageScanStatus(s -> s.status(status).description(description)).build();
    }

    private static DescribeImageScanFindingsResponse complete(String nextToken, ImageScanFinding... findings) {
        return status("COMPLETE", "The scan was completed successfully.").toBuilder().nextToken(nextToken)
                .imageScanFindings(f -> f.findings(findings).imageScanCompletedAt(Instant.parse("2026-12-01T10:00:00Z"))
                        .vulnerabilitySourceUpdatedAt(Instant.parse("2026-11-30T00:00:00Z"))).build();
    }

    private static ScanNotFoundException noScan() {
        return ScanNotFoundException.builder().message("Image scan does not exist").build();
    }

    private ScanService.Request request(String severity, int timeoutSeconds) {
        return ScanService.Request.of("app", null, DIGEST, null, null, severity, timeoutSeconds, dir);
    }

    private void startAnswers(Supplier<Object> answer) {
        fake.on("startImageScan", (StartImageScanRequest r) -> answer.get());
    }

    @Test
    void noScanYet_startsOneAndWaitsWithGrowingPauses() {
        answers.addAll(List.of(noScan(), status("IN_PROGRESS", null), status("IN_PROGRESS", null),
                status("IN_PROGRESS", null), status("IN_PROGRESS", null), complete(null, HIGH)));
        startAnswers(() -> StartImageScanResponse.builder().imageScanStatus(s -> s.status("IN_PROGRESS")).build());

        ScanService.Result result = service().scan(request(null, 600));

        assertEquals(List.of("describeImageScanFindings", "startImageScan", "describeImageScanFindings",
                "describeImageScanFindings", "describeImageScanFindings", "describeImageScanFindings",
                "describeImageScanFindings"), fake.operations());
        // 2 s, doubling, at most 15 s
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(15), Duration.ofSeconds(15)), sleeps);
        StartImageScanRequest start = (StartImageScanRequest) fake.calls().get(1).request();
        assertEquals("app", start.repositoryName());
        assertEquals(DIGEST, start.imageId().imageDigest());
        assertNull(start.imageId().imageTag());
        assertEquals("COMPLETE", result.status());
        assertEquals(List.of(HIGH), result.findings());
        assertTrue(reporter.infos.contains("Started a scan of app@" + DIGEST), reporter.infos.toString());
        assertTrue(reporter.infos.contains("Waiting up to 600 s for the scan of app@" + DIGEST));
    }

    @Test
    void aCompletedScanIsReadWithoutStartingAnother() {
        answers.add(complete(null, HIGH, MEDIUM));

        ScanService.Result result = service().scan(request(null, 600));

        assertEquals(List.of("describeImageScanFindings"), fake.operations());
        assertEquals(List.of(), sleeps);
        assertEquals(2, result.findings().size());
    }

    @Test
    void aRunningScanIsWaitedForNotStartedAgain() {
        answers.addAll(List.of(status("IN_PROGRESS", null), complete(null)));

        ScanService.Result result = service().scan(request(null, 600));

        assertEquals(List.of("describeImageScanFindings", "describeImageScanFindings"), fake.operations());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
        assertTrue(reporter.infos.contains("Scan of app@" + DIGEST + " COMPLETE: no findings"), reporter.infos.toString());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void limitExceededOnStartMeansARecentScanExists() {
        answers.addAll(List.of(noScan(), complete(null, MEDIUM)));
        startAnswers(() -> LimitExceededException.builder().message("The scan quota per image has been exceeded.")
                .build());

        ScanService.Result result = service().scan(request(null, 600));

        assertEquals(List.of("describeImageScanFindings", "startImageScan", "describeImageScanFindings"),
                fake.operations());
        assertEquals(List.of(MEDIUM), result.findings());
        assertTrue(reporter.infos.stream().anyMatch(l -> l.startsWith("ECR scanned app@" + DIGEST + " recently")),
                reporter.infos.toString());
    }

    @Test
    void limitExceededWithNoScanToReadIsAQuotaAndFailsAtOnce() {
        answers.addAll(List.of(noScan(), noScan(), complete(null)));
        startAnswers(() -> LimitExceededException.builder().message("The scan quota per image has been exceeded.")
                .build());

        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service().scan(request(null, 600)));

        assertEquals(List.of("describeImageScanFindings", "startImageScan", "describeImageScanFindings"),
                fake.operations(), "no waiting out the timeout for a scan that was never started");
        assertTrue(e.getMessage().startsWith("ECR refused to scan app@" + DIGEST + " (The scan quota per image has "
                + "been exceeded.) and holds no scan of it"), e.getMessage());
    }

    @Test
    void aScanThatNeverCompletesTimesOutAtTheTimeout() {
        answers.add(status("IN_PROGRESS", null));

        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service().scan(request(null, 10)));

        assertEquals("The scan of app@" + DIGEST + " did not complete within 10 s (ECR reports IN_PROGRESS after "
                + "4 looks): raise <scanTimeout>/-Decr.scanTimeout (seconds), or run ecr:scan again later (a running "
                + "scan is not started again)", e.getMessage());
        // the last pause is cut to the time left: 2 + 4 + 4 = the 10 s
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4)), sleeps);
        assertFalse(fake.operations().contains("startImageScan"));
        assertFalse(Files.exists(dir.resolve("app.scan.json")));
    }

    @Test
    void aScanThatIsNeverKnownTimesOutSayingSo() {
        answers.add(noScan());
        startAnswers(() -> StartImageScanResponse.builder().build());

        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service().scan(request(null, 0)));

        assertTrue(e.getMessage().startsWith("The scan of app@" + DIGEST + " did not complete within 0 s (ECR knows "
                + "no scan of it yet after 1 look)"), e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aFailedScanIsAnErrorWithEcrsDescription() {
        answers.add(status("FAILED", "UnsupportedImageError: The operating system 'scratch' is not supported."));

        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service().scan(request("HIGH", 600)));

        assertEquals("The scan of app@" + DIGEST + " FAILED: UnsupportedImageError: The operating system 'scratch' "
                + "is not supported. Fix what ECR names, or check that it can scan the image's operating system",
                e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void anotherFinalStatusIsAnErrorNamingIt() {
        answers.add(status("UNSUPPORTED_IMAGE", "The image is not supported"));

        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service().scan(request(null, 600)));

        assertTrue(e.getMessage().contains("its scan status is UNSUPPORTED_IMAGE: The image is not supported"),
                e.getMessage());
    }

    @Test
    void everyPageOfFindingsIsRead() throws Exception {
        ImageScanFinding low = finding("CVE-2023-0003", FindingSeverity.LOW, "bash", "5.1", null);
        fake.on("describeImageScanFindings", (DescribeImageScanFindingsRequest r) -> r.nextToken() == null
                ? complete("t1", HIGH) : r.nextToken().equals("t1") ? complete("t2", MEDIUM) : complete(null, low));
        ScanService service = new ScanService(fake.client(), reporter, () -> now[0], sleeps::add);

        ScanService.Result result = service.scan(request(null, 600));

        assertEquals(List.of(HIGH, MEDIUM, low), result.findings());
        assertEquals(Arrays.asList(null, "t1", "t2"), fake.calls().stream()
                .map(c -> ((DescribeImageScanFindingsRequest) c.request()).nextToken()).toList());
        fake.calls().forEach(c -> assertEquals(1000, ((DescribeImageScanFindingsRequest) c.request()).maxResults()));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("app.scan.json").toFile());
        assertEquals(3, json.at("/imageScanFindings/findings").size());
        assertEquals("CVE-2023-0003", json.at("/imageScanFindings/findings/2/name").asText());
        assertEquals(1, json.at("/imageScanFindings/findingSeverityCounts/LOW").asInt());
    }

    @Test
    void aRepeatedPageTokenStopsTheListing() {
        fake.on("describeImageScanFindings", (DescribeImageScanFindingsRequest r) -> complete("same", HIGH));
        ScanService service = new ScanService(fake.client(), reporter, () -> now[0], sleeps::add);

        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service.scan(request(null, 600)));

        assertEquals("ECR sent the same page token twice while listing the findings of app@" + DIGEST + " (after 2 "
                + "findings): stopped", e.getMessage());
    }

    @Test
    void belowTheThresholdPassesAndReports() {
        answers.add(complete(null, MEDIUM, HIGH));

        ScanService.Result result = service().scan(request("CRITICAL", 600));

        assertEquals(List.of(), result.blocking());
        Path file = dir.resolve("app.scan.json");
        assertEquals(List.of("Scan of app@" + DIGEST + " COMPLETE: 2 findings (1 HIGH, 1 MEDIUM); none at or above "
                + "CRITICAL (<failOnSeverity>); all in " + file,
                "  HIGH CVE-2023-0001 openssl 1.1.1k https://nvd.nist.gov/vuln/detail/CVE-2023-0001",
                "  MEDIUM CVE-2023-0002 zlib https://nvd.nist.gov/vuln/detail/CVE-2023-0002"), reporter.infos);
        assertTrue(Files.exists(file));
    }

    @Test
    void atTheThresholdFailsNamingOnlyTheFindingsAtOrAboveIt() throws Exception {
        answers.add(complete(null, MEDIUM, HIGH));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service().scan(request("high", 600)));

        Path file = dir.resolve("app.scan.json");
        assertEquals("Image app@" + DIGEST + " has 1 finding at or above HIGH: CVE-2023-0001 (HIGH, openssl 1.1.1k) "
                + "(all findings in " + file + "). Fix the image, or change <failOnSeverity>/-Decr.failOnSeverity "
                + "(CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED; NONE only reports)", e.getMessage());
        // written and reported before failing
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(2, json.at("/imageScanFindings/findings").size());
        assertTrue(reporter.infos.get(0).startsWith("Scan of app@" + DIGEST + " COMPLETE: 2 findings (1 HIGH, 1 "
                + "MEDIUM); all in "), reporter.infos.toString());
    }

    @Test
    void aLowerThresholdNamesEveryFindingAtOrAboveIt() {
        answers.add(complete(null, MEDIUM, HIGH));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service().scan(request("MEDIUM", 600)));

        assertTrue(e.getMessage().startsWith("Image app@" + DIGEST + " has 2 findings at or above MEDIUM: "
                + "CVE-2023-0001 (HIGH, openssl 1.1.1k), CVE-2023-0002 (MEDIUM, zlib) (all findings in "),
                e.getMessage());
    }

    @Test
    void theFileHoldsEveryFindingInTheShapeOfTheCli() throws Exception {
        answers.add(complete(null, MEDIUM, HIGH));

        service().scan(request(null, 600));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("app.scan.json").toFile());
        assertEquals("123456789012", json.at("/registryId").asText());
        assertEquals("app", json.at("/repositoryName").asText());
        assertEquals(DIGEST, json.at("/imageId/imageDigest").asText());
        assertEquals("COMPLETE", json.at("/imageScanStatus/status").asText());
        assertEquals("2026-12-01T10:00:00Z", json.at("/imageScanFindings/imageScanCompletedAt").asText());
        assertEquals(1, json.at("/imageScanFindings/findingSeverityCounts/HIGH").asInt());
        assertEquals(1, json.at("/imageScanFindings/findingSeverityCounts/MEDIUM").asInt());
        JsonNode first = json.at("/imageScanFindings/findings/0");
        assertEquals("CVE-2023-0002", first.at("/name").asText()); // ECR's order
        assertEquals("MEDIUM", first.at("/severity").asText());
        assertEquals("https://nvd.nist.gov/vuln/detail/CVE-2023-0002", first.at("/uri").asText());
        assertEquals("CVE-2023-0002 text", first.at("/description").asText());
        assertEquals("package_name", first.at("/attributes/0/key").asText());
        assertEquals("zlib", first.at("/attributes/0/value").asText());
    }

    @Test
    void theFileIsPrettyPrintedAsJacksonDatabindDid() throws Exception {
        answers.add(complete(null, MEDIUM, HIGH));

        service().scan(request(null, 600));

        // the plugin writes it with the SDK's JsonWriter; the format is jackson-databind's INDENT_OUTPUT, as before
        String written = Files.readString(dir.resolve("app.scan.json"));
        ObjectMapper databind = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        assertEquals(databind.writeValueAsString(databind.readTree(written)) + "\n", written);
        assertTrue(written.startsWith("{\n  \"registryId\" : \"123456789012\",\n  \"repositoryName\" : \"app\",\n"),
                written);
        assertTrue(written.contains("\"attributes\" : [ {\n"), written);
    }

    @Test
    void aMissingImageNamesTheTagToFix() {
        answers.add(ImageNotFoundException.builder().message("The image does not exist").build());
        ScanService.Request byTag = ScanService.Request.of("app", "1.0", null, null, null, null, 600, dir);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service().scan(byTag));

        assertEquals("ECR repository app holds no image tagged 1.0: fix <tag>/-Decr.tag, or push it first (ecr:push "
                + "before ecr:scan)", e.getMessage());
    }

    @Test
    void theDefaultIsThisBuildsPushedImageInItsRegistry() {
        String host = "210987654321.dkr.ecr.eu-west-1.amazonaws.com";
        ScanService.Request r = ScanService.Request.of(null, null, null, null, host + "/team/app@" + DIGEST, null, 5,
                dir);

        assertEquals("team/app", r.repositoryName());
        assertEquals(DIGEST, r.digest());
        assertNull(r.tag());
        assertEquals("210987654321", r.registryId());
        assertEquals("eu-west-1", r.registryHost().region());
        assertEquals(Duration.ofSeconds(5), r.timeout());
    }

    @Test
    void aTagOrDigestWinsOverThePushedImage() {
        ScanService.Request r = ScanService.Request.of("app", "1.0", null, "123456789012",
                "registry.example:5000/other@" + DIGEST, null, 5, dir);

        assertEquals("app:1.0", r.image());
        assertEquals("123456789012", r.registryId());
        assertNull(r.registryHost());
    }

    @Test
    void anotherRepositoryThanThePushedOneNeedsATagOrDigest() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScanService.Request.of("app", null,
                null, null, "registry.example/other@" + DIGEST, null, 5, dir));

        assertEquals("<repositoryName> is app but this build's ecr:push pushed other (registry.example/other@"
                + DIGEST + "): name the image of app to scan with <tag>/-Decr.tag or <digest>/-Decr.digest",
                e.getMessage());
    }

    @Test
    void aNamedRepositoryIsScannedAtWhatThisBuildPushedThereWhenTheLastPushWasAnothers() {
        PushedImage here = new PushedImage("210987654321", OTHER_DIGEST);
        String last = "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/other@" + DIGEST;

        ScanService.Request r = ScanService.Request.of("app", null, null, null, last, here, null, 5, dir);

        assertEquals("app@" + OTHER_DIGEST, r.image());
        assertEquals("210987654321", r.registryId(), "the registry pushed to");
        assertNull(r.registryHost(), "the configured region's ECR: the push went there");
        assertEquals("123456789012", ScanService.Request.of("app", null, null, "123456789012", null, here, null, 5,
                dir).registryId(), "a registry asked for wins");
    }

    @Test
    void whenTheLastPushIsOfTheNamedRepositoryItsHostIsKept() {
        String last = "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app@" + DIGEST;

        ScanService.Request r = ScanService.Request.of("app", null, null, null, last,
                new PushedImage(null, OTHER_DIGEST), null, 5, dir);

        assertEquals("app@" + DIGEST, r.image());
        assertTrue(r.registryHost().fips(), "scanned through the FIPS endpoint the image was pushed to");
    }

    @Test
    void aTagOrDigestWinsOverWhatWasPushedToTheRepository() {
        ScanService.Request r = ScanService.Request.of("app", "1.0", null, null, null,
                new PushedImage(null, OTHER_DIGEST), null, 5, dir);

        assertEquals("app:1.0", r.image());
    }

    @Test
    void nothingToScanSaysWhatToSet() {
        InvalidInputException noRepository = assertThrows(InvalidInputException.class,
                () -> ScanService.Request.of(null, null, null, null, null, null, 5, dir));
        assertTrue(noRepository.getMessage().startsWith("<repositoryName> is required"), noRepository.getMessage());
        InvalidInputException noImage = assertThrows(InvalidInputException.class,
                () -> ScanService.Request.of("app", null, null, null, null, null, 5, dir));
        assertTrue(noImage.getMessage().startsWith("Name the image of repository app to scan: <tag>/-Decr.tag or "
                + "<digest>/-Decr.digest"), noImage.getMessage());
        assertThrows(InvalidInputException.class,
                () -> ScanService.Request.of("app", "1.0", DIGEST, null, null, null, 5, dir));
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> ScanService.Request.of("app", "1.0", null, null, null, null, -1, dir));
        assertTrue(negative.getMessage().contains("<scanTimeout>"), negative.getMessage());
    }

    @Test
    void failOnSeverityIsReadAsEcrNamesSeverities() {
        assertEquals(FindingSeverity.HIGH, ScanSeverity.threshold(" high "));
        assertEquals(FindingSeverity.UNDEFINED, ScanSeverity.threshold("UNDEFINED"));
        assertNull(ScanSeverity.threshold("NONE"));
        assertNull(ScanSeverity.threshold(" "));
        assertNull(ScanSeverity.threshold(null));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScanSeverity.threshold("SEVERE"));
        assertEquals("<failOnSeverity> 'SEVERE' is not an ECR finding severity: use one of CRITICAL, HIGH, MEDIUM, "
                + "LOW, INFORMATIONAL, UNDEFINED, or NONE to only report (POM <failOnSeverity> or "
                + "-Decr.failOnSeverity)", e.getMessage());
        assertTrue(ScanSeverity.atOrAbove(FindingSeverity.CRITICAL, FindingSeverity.HIGH));
        assertTrue(ScanSeverity.atOrAbove(FindingSeverity.HIGH, FindingSeverity.HIGH));
        assertFalse(ScanSeverity.atOrAbove(FindingSeverity.MEDIUM, FindingSeverity.HIGH));
        // a severity the SDK does not know ranks lowest
        assertTrue(ScanSeverity.atOrAbove(FindingSeverity.fromValue("UNTRIAGED"), FindingSeverity.UNDEFINED));
        assertFalse(ScanSeverity.atOrAbove(FindingSeverity.fromValue("UNTRIAGED"), FindingSeverity.INFORMATIONAL));
    }

    @Test
    void onlyTheMostSevereAreListedOneByOne() {
        List<ImageScanFinding> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(finding("CVE-LOW-" + i, FindingSeverity.LOW, null, null, null));
        }
        many.add(finding("CVE-CRIT", FindingSeverity.CRITICAL, null, "2.0", null));
        answers.add(complete(null, many.toArray(ImageScanFinding[]::new)));

        service().scan(request(null, 600));

        assertEquals(1 + ScanService.SHOWN + 1, reporter.infos.size(), reporter.infos.toString());
        assertEquals("  CRITICAL CVE-CRIT version 2.0", reporter.infos.get(1));
        assertEquals("  ... and 3 more; all in " + dir.resolve("app.scan.json"), reporter.infos.get(11));
    }
}

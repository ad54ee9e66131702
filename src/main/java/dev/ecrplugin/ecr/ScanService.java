package dev.ecrplugin.ecr;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.core.Sleeper;
import dev.ecrplugin.core.Strings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Attribute;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageScanFindings;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanStatus;

/**
 * Scans an image ECR holds with basic scanning and gates on its findings: starts a scan (StartImageScan) unless one
 * exists or is running, waits for it with backoff (DescribeImageScanFindings) up to the timeout, reports the counts
 * per severity and the most severe findings, writes every finding (all pages) to {@code <repositoryName>.scan.json},
 * and fails when a finding is at or above the threshold.
 *
 * <p>ECR calls: DescribeImageScanFindings, StartImageScan.
 */
public final class ScanService {

    /** The findings named one by one at INFO (the rest are in the file). */
    static final int SHOWN = 10;
    /** The findings a failure names (the rest are counted). */
    static final int NAMED = 5;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(2);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);
    /** ECR's largest page of findings. */
    private static final int PAGE = 1000;

    /**
     * What to scan.
     *
     * @param registryId      the registry (account) of the repository, or null for the caller's
     * @param repositoryName  the ECR repository
     * @param tag             the image's tag, or null when {@code digest} names it
     * @param digest          the image's digest, or null when {@code tag} names it
     * @param failOnSeverity  fail on a finding of this severity or more severe; null: report only
     * @param timeout         how long to wait for the scan to complete
     * @param reportDirectory where {@code <repositoryName>.scan.json} is written, or null for no file
     * @param registryHost    the ECR registry host the image was pushed to when known (its region is where ECR is
     *                        asked), or null for the configured region
     */
    public record Request(String registryId, String repositoryName, String tag, String digest,
                          FindingSeverity failOnSeverity, Duration timeout, Path reportDirectory,
                          RegistryHost.Ecr registryHost) {
        public Request {
            RepositorySpec.checkName(repositoryName, "repositoryName");
            tag = Strings.trimToNull(tag);
            digest = Strings.trimToNull(digest);
            if (tag != null && digest != null) {
                throw new InvalidInputException("Set either <tag>/-Decr.tag or <digest>/-Decr.digest to scan, not both "
                        + "(tag '" + tag + "', digest '" + digest + "')");
            }
            if (tag == null && digest == null) {
                throw new InvalidInputException("Name the image of repository " + repositoryName + " to scan: "
                        + "<tag>/-Decr.tag or <digest>/-Decr.digest, or run ecr:push for it earlier in this build "
                        + "(bind ecr:scan after ecr:push)");
            }
            if (digest != null) {
                EcrImageRef.checkDigest(digest, "digest");
            } else {
                EcrImageRef.checkTag(tag, "tag");
            }
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new InvalidInputException("<scanTimeout> must be 0 or more seconds, not " + timeout.toSeconds()
                        + " (POM <scanTimeout> or -Decr.scanTimeout)");
            }
        }

        /**
         * The request for the goal's settings as written. Without {@code tag} and {@code digest}, the image is the
         * one this build's ecr:push recorded ({@code pushedImage}, {@code <registry>/<repository>@<digest>}): its
         * repository (which must be {@code repositoryName} when that is set), its digest, and, when pushed to an
         * ECR registry host, that host's account and region.
         *
         * @param repositoryName  the repository, or null/blank for the pushed image's
         * @param tag             the tag, or null/blank
         * @param digest          the digest, or null/blank
         * @param registryId      the registry from {@code <registryIds>}, or null for the caller's own
         * @param pushedImage     what ecr:push recorded in this build ({@code ecr.imageUri}), or null
         * @param failOnSeverity  {@code <failOnSeverity>} as written (null/blank/NONE: report only)
         * @param timeoutSeconds  {@code <scanTimeout>}
         * @param reportDirectory where the findings file goes, or null
         */
        public static Request of(String repositoryName, String tag, String digest, String registryId,
                                 String pushedImage, String failOnSeverity, int timeoutSeconds,
                                 Path reportDirectory) {
            return of(repositoryName, tag, digest, registryId, pushedImage, null, failOnSeverity, timeoutSeconds,
                    reportDirectory);
        }

        /**
         * As {@link #of(String, String, String, String, String, String, int, Path)}, for a build that may have
         * pushed to several repositories: {@code pushedImage} names only the last push, {@code pushedHere} what was
         * pushed to {@code repositoryName} (in the configured region). Without {@code tag} and {@code digest}, a
         * named repository is scanned at the pushed image's digest when {@code pushedImage} is of it (on its host:
         * FIPS, dual-stack, another region), else at {@code pushedHere}'s.
         *
         * @param pushedHere what this build's ecr:push pushed to {@code repositoryName}, or null
         */
        public static Request of(String repositoryName, String tag, String digest, String registryId,
                                 String pushedImage, PushedImage pushedHere, String failOnSeverity, int timeoutSeconds,
                                 Path reportDirectory) {
            FindingSeverity threshold = ScanSeverity.threshold(failOnSeverity);
            String repository = Strings.trimToNull(repositoryName);
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            if (Strings.trimToNull(tag) != null || Strings.trimToNull(digest) != null
                    || Strings.trimToNull(pushedImage) == null && (pushedHere == null || repository == null)) {
                if (repository == null) {
                    throw new InvalidInputException("<repositoryName> is required: name the ECR repository of the "
                            + "image to scan (POM <repositoryName> or -Decr.repositoryName), or run ecr:push earlier "
                            + "in this build to scan what it pushed");
                }
                return new Request(registryId, repository, tag, digest, threshold, timeout, reportDirectory, null);
            }
            EcrImageRef pushed = Strings.trimToNull(pushedImage) == null ? null
                    : EcrImageRef.parse(pushedImage, "ecr.imageUri");
            if (repository != null && pushedHere != null && (pushed == null
                    || !repository.equals(pushed.repository()))) {
                return new Request(registryId != null ? registryId : pushedHere.registryId(), repository, null,
                        pushedHere.digest(), threshold, timeout, reportDirectory, null);
            }
            if (repository != null && !repository.equals(pushed.repository())) {
                throw new InvalidInputException("<repositoryName> is " + repository + " but this build's ecr:push "
                        + "pushed " + pushed.repository() + " (" + pushedImage.trim() + "): name the image of "
                        + repository + " to scan with <tag>/-Decr.tag or <digest>/-Decr.digest");
            }
            RegistryHost.Ecr host = pushed.registry() == null ? null : pushed.registry().ecr().orElse(null);
            if (host != null && registryId != null && !registryId.isBlank() && !registryId.trim().equals(host.accountId())) {
                throw new InvalidInputException("<registryIds> is " + registryId.trim() + " but this build's ecr:push "
                        + "pushed to registry " + host.accountId() + " (" + pushedImage.trim() + "): remove "
                        + "<registryIds>/-Decr.registryIds, or name the image to scan with <repositoryName>, "
                        + "<tag>/-Decr.tag or <digest>/-Decr.digest");
            }
            return new Request(host != null ? host.accountId() : registryId, pushed.repository(), null,
                    pushed.digest(), threshold, timeout, reportDirectory, host);
        }

        /** The image as users write it: {@code repo:tag} or {@code repo@digest}. */
        public String image() {
            return repositoryName + (digest != null ? "@" + digest : ":" + tag);
        }

        ImageIdentifier imageId() {
            return digest != null ? ImageIdentifier.builder().imageDigest(digest).build()
                    : ImageIdentifier.builder().imageTag(tag).build();
        }
    }

    /**
     * A completed scan.
     *
     * @param registryId        the registry, as ECR named it (or as asked)
     * @param repositoryName    the repository
     * @param imageDigest       the image's digest, when known
     * @param imageTag          the tag it was named by, or null
     * @param status            ECR's scan status (COMPLETE)
     * @param statusDescription ECR's words on it, or null
     * @param completedAt       when the scan completed, or null
     * @param sourceUpdatedAt   when ECR's vulnerability sources were updated, or null
     * @param counts            findings per severity over every finding, most severe first, only those present
     * @param findings          every finding, in ECR's order
     * @param threshold         the {@code failOnSeverity}, or null
     * @param reportFile        the file the findings were written to, or null
     */
    public record Result(String registryId, String repositoryName, String imageDigest, String imageTag, String status,
                         String statusDescription, Instant completedAt, Instant sourceUpdatedAt,
                         Map<String, Integer> counts, List<ImageScanFinding> findings, FindingSeverity threshold,
                         Path reportFile) {

        /** The findings at or above the threshold, most severe first (none without a threshold). */
        public List<ImageScanFinding> blocking() {
            if (threshold == null) {
                return List.of();
            }
            return mostSevereFirst(findings).stream()
                    .filter(f -> ScanSeverity.atOrAbove(f.severity(), threshold)).toList();
        }
    }

    private final EcrClient ecr;
    private final Reporter reporter;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    public ScanService(EcrClient ecr, Reporter reporter) {
        this(ecr, reporter, System::nanoTime, Sleeper.REAL);
    }

    ScanService(EcrClient ecr, Reporter reporter, LongSupplier nanoClock, Sleeper sleeper) {
        this.ecr = Objects.requireNonNull(ecr);
        this.reporter = Objects.requireNonNull(reporter);
        this.nanoClock = Objects.requireNonNull(nanoClock);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /**
     * Scans (or reads the scan of) the image, reports and writes its findings, and fails with an
     * {@link InvalidInputException} naming the findings at or above {@code failOnSeverity}.
     */
    public Result scan(Request request) {
        DescribeImageScanFindingsResponse answer = await(request);
        String status = answer.imageScanStatus() == null ? null : answer.imageScanStatus().statusAsString();
        String description = answer.imageScanStatus() == null ? null : answer.imageScanStatus().description();
        if (!ScanStatus.COMPLETE.toString().equals(status)) {
            throw notComplete(request, status, description);
        }
        List<ImageScanFinding> findings = allFindings(request, answer);
        ImageScanFindings summary = answer.imageScanFindings();
        String digest = request.digest() != null ? request.digest() : nonBlank(answer.imageId() == null ? null
                : answer.imageId().imageDigest());
        Path file = request.reportDirectory() == null ? null
                : request.reportDirectory().resolve(request.repositoryName() + ".scan.json");
        Result result = new Result(answer.registryId() != null ? answer.registryId() : request.registryId(),
                request.repositoryName(), digest, request.tag(), status, description,
                summary == null ? null : summary.imageScanCompletedAt(),
                summary == null ? null : summary.vulnerabilitySourceUpdatedAt(), counts(findings),
                List.copyOf(findings), request.failOnSeverity(), file);
        if (file != null) {
            ScanFindingsFile.write(file, result);
            reporter.debug("Wrote " + findings.size() + " findings to " + file);
        }
        report(request, result);
        List<ImageScanFinding> blocking = result.blocking();
        if (!blocking.isEmpty()) {
            throw gateFailure(request, result, blocking);
        }
        return result;
    }

    /** The scan's answer once it is no longer pending: started when none exists, waited for with backoff. */
    private DescribeImageScanFindingsResponse await(Request request) {
        long deadline = nanoClock.getAsLong() + request.timeout().toNanos();
        DescribeImageScanFindingsResponse answer = describe(request, null);
        LimitExceededException refused = null;
        if (answer == null) {
            refused = start(request);
        } else {
            reporter.debug("ECR holds a scan of " + request.image() + ": " + statusOf(answer));
        }
        Duration pause = FIRST_PAUSE;
        int looks = 1;
        while (answer == null || pending(answer)) {
            long left = deadline - nanoClock.getAsLong();
            if (left <= 0) {
                throw new OperationFailedException("The scan of " + request.image() + " did not complete within "
                        + request.timeout().toSeconds() + " s (" + (answer == null ? "ECR knows no scan of it yet"
                        : "ECR reports " + statusOf(answer)) + " after " + looks + (looks == 1 ? " look" : " looks")
                        + "): raise <scanTimeout>/-Decr.scanTimeout (seconds), or run ecr:scan again later (a "
                        + "running scan is not started again)");
            }
            Duration wait = pause.compareTo(Duration.ofNanos(left)) < 0 ? pause : Duration.ofNanos(left);
            if (looks == 1) {
                reporter.info("Waiting up to " + request.timeout().toSeconds() + " s for the scan of "
                        + request.image());
            }
            reporter.debug("Scan of " + request.image() + ": " + (answer == null ? "not known yet" : statusOf(answer))
                    + "; looking again in " + wait.toMillis() + " ms");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationFailedException("Interrupted while waiting for the scan of " + request.image(), e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            answer = describe(request, null);
            looks++;
            if (answer == null && refused != null) {
                // "scanned recently" should have left a scan to read: this refusal was a quota, not that scan
                throw new OperationFailedException("ECR refused to scan " + request.image() + " ("
                        + refused.getMessage() + ") and holds no scan of it: wait for the ECR scan quota of the "
                        + "account, then run ecr:scan again");
            }
        }
        return answer;
    }

    /**
     * StartImageScan; ECR's "scanned recently" (one basic scan per image a day) means the scan exists, and is
     * returned so that the wait can tell it from a quota when no scan appears.
     */
    private LimitExceededException start(Request request) {
        try {
            ecr.startImageScan(r -> r.registryId(request.registryId()).repositoryName(request.repositoryName())
                    .imageId(request.imageId()));
            reporter.info("Started a scan of " + request.image());
            return null;
        } catch (LimitExceededException e) {
            reporter.info("ECR scanned " + request.image() + " recently (it scans an image once a day): reading "
                    + "that scan");
            reporter.debug("StartImageScan: " + e.getMessage());
            return e;
        } catch (RepositoryNotFoundException e) {
            throw missingRepository(request);
        } catch (ImageNotFoundException e) {
            throw missingImage(request);
        }
    }

    /** One page of the scan's findings; null when ECR knows no scan of the image. */
    private DescribeImageScanFindingsResponse describe(Request request, String nextToken) {
        try {
            return ecr.describeImageScanFindings(r -> r.registryId(request.registryId())
                    .repositoryName(request.repositoryName()).imageId(request.imageId()).maxResults(PAGE)
                    .nextToken(nextToken));
        } catch (ScanNotFoundException e) {
            return null;
        } catch (RepositoryNotFoundException e) {
            throw missingRepository(request);
        } catch (ImageNotFoundException e) {
            throw missingImage(request);
        }
    }

    /** The findings of every page, following {@code nextToken} from the first page. */
    private List<ImageScanFinding> allFindings(Request request, DescribeImageScanFindingsResponse first) {
        List<ImageScanFinding> findings = new ArrayList<>(findingsOf(first));
        Set<String> seen = new HashSet<>();
        String token = first.nextToken();
        while (token != null && !token.isEmpty()) {
            if (!seen.add(token)) {
                throw new OperationFailedException("ECR sent the same page token twice while listing the findings "
                        + "of " + request.image() + " (after " + findings.size() + " findings): stopped");
            }
            DescribeImageScanFindingsResponse page = describe(request, token);
            if (page == null) {
                throw new OperationFailedException("The scan of " + request.image() + " disappeared while its "
                        + "findings were read (after " + findings.size() + "): run ecr:scan again");
            }
            findings.addAll(findingsOf(page));
            token = page.nextToken();
        }
        return findings;
    }

    private static List<ImageScanFinding> findingsOf(DescribeImageScanFindingsResponse page) {
        return page.imageScanFindings() == null ? List.of() : page.imageScanFindings().findings();
    }

    private static boolean pending(DescribeImageScanFindingsResponse answer) {
        ScanStatus status = answer.imageScanStatus() == null ? null : answer.imageScanStatus().status();
        return status == null || status == ScanStatus.IN_PROGRESS || status == ScanStatus.PENDING;
    }

    private static String statusOf(DescribeImageScanFindingsResponse answer) {
        if (answer.imageScanStatus() == null || answer.imageScanStatus().statusAsString() == null) {
            return "no status";
        }
        String description = nonBlank(answer.imageScanStatus().description());
        return answer.imageScanStatus().statusAsString() + (description == null ? "" : " (" + description + ")");
    }

    private static OperationFailedException notComplete(Request request, String status, String description) {
        // ECR's description ends in a full stop or not: one either way
        String words = nonBlank(description) == null ? "" : ": " + description.strip().replaceAll("\\.+$", "");
        if (ScanStatus.FAILED.toString().equals(status)) {
            return new OperationFailedException("The scan of " + request.image() + " FAILED" + words + ". Fix what ECR "
                    + "names, or check that it can scan the image's operating system");
        }
        return new OperationFailedException("ECR has no findings of a completed basic scan of " + request.image()
                + ": its scan status is " + status + words + " (ecr:scan reads basic scanning, which ends in "
                + "COMPLETE; a registry set to enhanced scanning reports ACTIVE and its findings through Amazon "
                + "Inspector)");
    }

    /** Findings per severity, most severe first (ECR's order), then severities the SDK does not know. */
    static Map<String, Integer> counts(List<ImageScanFinding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FindingSeverity severity : ScanSeverity.ORDER) {
            int n = (int) findings.stream().filter(f -> f.severity() == severity).count();
            if (n > 0) {
                counts.put(severity.toString(), n);
            }
        }
        for (ImageScanFinding f : findings) {
            if (!ScanSeverity.ORDER.contains(f.severity())) {
                counts.merge(String.valueOf(f.severityAsString()), 1, Integer::sum);
            }
        }
        return counts;
    }

    private void report(Request request, Result result) {
        String where = result.reportFile() == null ? "" : "; all in " + result.reportFile();
        String gate = result.threshold() == null ? ""
                : result.blocking().isEmpty() ? "; none at or above " + result.threshold() + " (<failOnSeverity>)"
                : "";
        if (result.findings().isEmpty()) {
            reporter.info("Scan of " + request.image() + " " + result.status() + ": no findings" + gate);
            return;
        }
        String counts = result.counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        int n = result.findings().size();
        reporter.info("Scan of " + request.image() + " " + result.status() + ": " + n
                + (n == 1 ? " finding (" : " findings (") + counts + ")" + gate + where);
        List<ImageScanFinding> sorted = mostSevereFirst(result.findings());
        for (ImageScanFinding f : sorted.subList(0, Math.min(SHOWN, sorted.size()))) {
            reporter.info("  " + line(f));
        }
        if (sorted.size() > SHOWN) {
            reporter.info("  ... and " + (sorted.size() - SHOWN) + " more" + where);
        }
    }

    private static InvalidInputException gateFailure(Request request, Result result, List<ImageScanFinding> blocking) {
        String named = blocking.subList(0, Math.min(NAMED, blocking.size())).stream().map(ScanService::shortLine)
                .collect(Collectors.joining(", "));
        int more = blocking.size() - NAMED;
        return new InvalidInputException("Image " + request.image() + " has " + blocking.size()
                + (blocking.size() == 1 ? " finding" : " findings") + " at or above " + result.threshold() + ": "
                + named + (more > 0 ? " and " + more + " more" : "")
                + (result.reportFile() == null ? "" : " (all findings in " + result.reportFile() + ")")
                + ". Fix the image, or change <failOnSeverity>/-Decr.failOnSeverity (CRITICAL, HIGH, MEDIUM, LOW, "
                + "INFORMATIONAL, UNDEFINED; NONE only reports)");
    }

    static List<ImageScanFinding> mostSevereFirst(List<ImageScanFinding> findings) {
        return findings.stream().sorted(Comparator.comparingInt(f -> ScanSeverity.rank(f.severity()))).toList();
    }

    /** {@code HIGH CVE-2023-0001 openssl 1.1.1k https://...}: severity, name, package and version, URI. */
    static String line(ImageScanFinding f) {
        String pkg = packageOf(f);
        return f.severityAsString() + " " + f.name() + (pkg == null ? "" : " " + pkg)
                + (nonBlank(f.uri()) == null ? "" : " " + f.uri());
    }

    /** {@code CVE-2023-0001 (HIGH, openssl 1.1.1k)}. */
    static String shortLine(ImageScanFinding f) {
        String pkg = packageOf(f);
        return f.name() + " (" + f.severityAsString() + (pkg == null ? "" : ", " + pkg) + ")";
    }

    /** The package and version of a basic scan's finding ({@code package_name}, {@code package_version}). */
    private static String packageOf(ImageScanFinding f) {
        String name = attribute(f, "package_name");
        String version = attribute(f, "package_version");
        if (name == null) {
            return version == null ? null : "version " + version;
        }
        return version == null ? name : name + " " + version;
    }

    private static String attribute(ImageScanFinding f, String key) {
        return f.attributes().stream().filter(a -> key.equals(a.key())).map(Attribute::value)
                .map(ScanService::nonBlank).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static InvalidInputException missingRepository(Request request) {
        return new InvalidInputException("Repository " + request.repositoryName() + " does not exist in ECR"
                + (request.registryId() == null ? "" : " registry " + request.registryId()) + ": fix "
                + "<repositoryName>/-Decr.repositoryName, or push the image first (ecr:push before ecr:scan)");
    }

    private static InvalidInputException missingImage(Request request) {
        return new InvalidInputException("ECR repository " + request.repositoryName() + " holds no image "
                + (request.digest() != null ? request.digest() : "tagged " + request.tag()) + ": fix "
                + (request.digest() != null ? "<digest>/-Decr.digest" : "<tag>/-Decr.tag") + ", or push it first "
                + "(ecr:push before ecr:scan)");
    }
}

package io.github.loyaltyrules.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.loyaltyrules.json.LoyaltyJson;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's page as a real browser draws it: headless Chromium (Debian's {@code chromium},
 * which {@code .ci/run} installs) opens a copy of the page with a small script added that
 * measures every label against its shape and writes what it found into the page; the test reads
 * the page back ({@code --dump-dom}). Chromium runs with every host name unresolvable and a net
 * log, and the test checks that the page asked for nothing but itself. Without Chromium the test
 * is skipped, except under {@code CI=true}, where it fails.
 */
class MonthlyReviewBrowserTest {
  /** Measures in the page: each line "OK what" or "OVERFLOW what". */
  private static final String MEASURE = """
      <script>
      (function () {
        var out = [];
        function report(ok, what) { out.push((ok ? 'OK ' : 'OVERFLOW ') + what); }
        function inside(shape, b) {
          return [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height],
              [b.x + b.width, b.y + b.height]].every(function (c) {
            return shape.isPointInFill(new DOMPoint(c[0], c[1]));
          });
        }
        document.querySelectorAll('#pyramid text[data-label]').forEach(function (t) {
          var level = t.getAttribute('data-label');
          var shape = document.querySelector('#pyramid polygon[data-level="' + level + '"]');
          var b = t.getBBox();
          report(b.width > 0 && inside(shape, b), 'pyramid label "' + t.textContent + '" '
              + b.width.toFixed(1) + ' wide in ' + level);
          report(getComputedStyle(t).fill !== getComputedStyle(shape).fill, 'pyramid label "'
              + t.textContent + '" ' + getComputedStyle(t).fill + ' on '
              + getComputedStyle(shape).fill);
        });
        document.querySelectorAll('svg').forEach(function (svg) {
          var box = svg.viewBox.baseVal;
          var texts = Array.prototype.slice.call(svg.querySelectorAll('text'));
          texts.forEach(function (t) {
            var b = t.getBBox();
            report(b.x >= box.x && b.y >= box.y && b.x + b.width <= box.x + box.width
                && b.y + b.height <= box.y + box.height, 'chart ' + svg.id + ': label "'
                + t.textContent + '" inside');
          });
          texts.forEach(function (t, i) {
            texts.slice(i + 1).forEach(function (u) {
              var a = t.getBBox(), b = u.getBBox();
              var apart = a.x + a.width <= b.x || b.x + b.width <= a.x
                  || a.y + a.height <= b.y || b.y + b.height <= a.y;
              report(apart, 'chart ' + svg.id + ': labels "' + t.textContent + '" and "'
                  + u.textContent + '" apart');
            });
          });
        });
        report(document.documentElement.scrollWidth <= window.innerWidth,
            'page ' + document.documentElement.scrollWidth + ' wide in a window of '
            + window.innerWidth);
        var loaded = performance.getEntriesByType('resource').map(function (e) {
          return e.name;
        });
        report(loaded.length === 0, 'resources loaded: ' + loaded.join(' '));
        var pre = document.createElement('pre');
        pre.id = 'measured';
        pre.textContent = out.join('\\n');
        document.body.appendChild(pre);
      })();
      </script>
      """;

  private static final Pattern MEASURED =
      Pattern.compile("<pre id=\"measured\">(.*?)</pre>", Pattern.DOTALL);

  private static Path chromium;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : Pattern.compile(Pattern.quote(File.pathSeparator))
          .splitAsStream(System.getenv().getOrDefault("PATH", "")).toList()) {
        Path p = Path.of(d, name);
        if (chromium == null && Files.isExecutable(p)) {
          chromium = p;
        }
      }
    }
    if (chromium == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true and no chromium on the PATH: .ci/run installs Debian's chromium");
      }
      Assumptions.abort("no chromium on the PATH (apt-get install chromium)");
    }
  }

  /** What Chromium did with {@code page}: the DOM after load, and the net log. */
  private record Run(String dom, JsonNode netLog) {}

  private Run open(String page) throws IOException, InterruptedException {
    Path html = Files.writeString(dir.resolve("review.html"), page, StandardCharsets.UTF_8);
    Path netLog = dir.resolve("net.json");
    Path dom = dir.resolve("dom.html");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("profile"), "--host-resolver-rules=MAP * ~NOTFOUND",
        "--log-net-log=" + netLog, "--window-size=1280,2000", "--dump-dom",
        html.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectOutput(dom.toFile())
        .redirectError(dir.resolve("chromium.err").toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 90 s");
    }
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.err"))).isZero();
    return new Run(Files.readString(dom, StandardCharsets.UTF_8),
        LoyaltyJson.mapper().readTree(netLog.toFile()));
  }

  /** The page's own requests in the net log (Chromium's own have another isolation key). */
  private static List<String> requestsOfThePage(JsonNode netLog) {
    int start = netLog.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB")
        .asInt(-1);
    List<String> urls = new ArrayList<>();
    for (JsonNode e : netLog.path("events")) {
      JsonNode params = e.path("params");
      if (e.path("type").asInt() == start
          && params.path("network_isolation_key").asText().startsWith("file://")
          && !params.path("url").asText().startsWith("file:")) {
        urls.add(params.path("url").asText());
      }
    }
    return urls;
  }

  private static List<String> measured(String dom) {
    Matcher m = MEASURED.matcher(dom);
    assertThat(m.find()).as("the measuring script ran: " + dom).isTrue();
    return m.group(1).replace("&quot;", "\"").replace("&amp;", "&").lines().toList();
  }

  @Test
  void noLabelOverflowsItsShapeAndThePageLoadsNothing() throws Exception {
    String page = MonthlyReviewTest.novemberReview().toHtml();
    Run run = open(page.replace("</body>", MEASURE + "</body>"));

    List<String> lines = measured(run.dom());
    assertThat(lines).filteredOn(l -> l.startsWith("OVERFLOW")).isEmpty();
    // each of the 8 labels: inside its level, and not in the level's own colour
    assertThat(lines).filteredOn(l -> l.startsWith("OK pyramid label \"")).hasSize(16)
        .anyMatch(l -> l.startsWith("OK pyramid label \"A · platinum: 1 member\" "));
    assertThat(lines).filteredOn(l -> l.startsWith("OK ")).hasSizeGreaterThan(100);
    assertThat(requestsOfThePage(run.netLog())).isEmpty();
  }

  @Test
  void theNetworkCheckSeesARequestWhenThePageMakesOne() throws Exception {
    Run run = open("<html><body><img src=\"http://example.com/logo.png\"/></body></html>");

    assertThat(requestsOfThePage(run.netLog())).containsExactly("http://example.com/logo.png");
  }

  @Test
  void thePagesLinksPointNowhere() {
    String page = MonthlyReviewTest.novemberReview().toHtml();

    Matcher links = Pattern.compile("(?:src|href)\\s*=|url\\(|@import").matcher(page);
    assertThat(links.find()).as("a src, href, url() or @import on the page").isFalse();
  }
}

#!/usr/bin/env python3
"""One table from a Gatling run and the server's answer timer.

usage: load-test-report.py <gatling report dir> [prometheus scrape file]
Reads the per-request statistics table of <report>/index.html (Gatling 3.14 writes no stats.json) and, from the
scrape, the histogram course_quiz_answer_seconds (the Micrometer timer around QuizService.answer; its max is
Micrometer's decaying maximum over the last minutes).
"""
import re, sys, os
from html import unescape

def gatling_rows(report):
    """Gatling 3.14 writes no stats.json; its index.html holds the statistics table (one <tr> per request, cells
    col-2 total, col-4 KO, col-8/10/11 the 50th/95th/99th percentile in ms, the first row "All Requests")."""
    html = open(os.path.join(report, "index.html"), encoding="utf-8").read()
    rows = []
    for row in re.findall(r'<tr id="(?:ROOT|req_[^"]*)"[^>]*>(.*?)</tr>', html, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', row, re.S).group(1)
        cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
        rows.append((unescape(name), int(cells["2"]), cells["8"], cells["10"], cells["11"], int(cells["4"])))
    if not rows:
        sys.exit("no statistics table in " + report + "index.html")
    total = rows[0]
    return rows[1:], ("ALL",) + total[1:], None

def main():
    report = sys.argv[1]
    rows, total, g = gatling_rows(report)
    print()
    print("%-32s %8s %8s %8s %8s %7s" % ("request (Gatling, ms)", "count", "p50", "p95", "p99", "errors"))
    for name, count, p50, p95, p99, ko in rows + [total]:
        print("%-32s %8d %8s %8s %8s %7d" % (name, count, p50, p95, p99, ko))
    if len(sys.argv) > 2 and os.path.exists(sys.argv[2]):
        print()
        print(server_timer(open(sys.argv[2]).read()))


def server_timer(scrape):
    """course.quiz.answer from the Prometheus scrape: quantiles interpolated within its histogram buckets (as
    Prometheus's histogram_quantile does), over every answer since the app started."""
    buckets = sorted((float("inf") if le == "+Inf" else float(le), float(n)) for le, n in
                     re.findall(r'^course_quiz_answer_seconds_bucket\{le="([^"]+)"\} (\S+)', scrape, re.M))
    count = re.search(r'^course_quiz_answer_seconds_count (\S+)', scrape, re.M)
    total = re.search(r'^course_quiz_answer_seconds_sum (\S+)', scrape, re.M)
    peak = re.search(r'^course_quiz_answer_seconds_max (\S+)', scrape, re.M)
    if not buckets or not count or float(count.group(1)) == 0:
        return "server timer course.quiz.answer: not found in the scrape (or no answers)"
    n = float(count.group(1))

    def quantile(q):
        rank, lower, below = q * n, 0.0, 0.0
        for upper, cumulative in buckets:
            if cumulative >= rank:
                if upper == float("inf"):
                    return lower
                return lower + (upper - lower) * (rank - below) / max(cumulative - below, 1e-9)
            lower, below = upper, cumulative
        return lower

    ms = lambda seconds: "%.1f" % (seconds * 1000)
    return ("server timer course.quiz.answer (ms): count %d, p50 %s, p95 %s, p99 %s, mean %s, max of the last minutes %s"
            % (n, ms(quantile(0.5)), ms(quantile(0.95)), ms(quantile(0.99)), ms(float(total.group(1)) / n),
               ms(float(peak.group(1)))))


if __name__ == "__main__":
    main()

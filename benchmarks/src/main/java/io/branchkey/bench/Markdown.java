package io.branchkey.bench;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A markdown document being written, and the number formats the reports share. */
final class Markdown {

    private final StringBuilder md = new StringBuilder();

    void line(String text) {
        md.append(text).append('\n');
    }

    void line() {
        md.append('\n');
    }

    /** A row of a two-column key/value table. */
    void row(String key, String value) {
        line("| " + key + " | " + Objects.toString(value, "") + " |");
    }

    /**
     * A collapsed block with an EXPLAIN (ANALYZE, BUFFERS) of one statement: with its values inlined (the custom
     * plan) and prepared with a generic plan.
     */
    void planDetails(String title, String inlinedSql, List<String> customPlan, List<String> genericPlan) {
        line("<details><summary>" + title + "; custom plan " + executionTime(customPlan) + ", generic plan "
                + executionTime(genericPlan) + "</summary>");
        line();
        line("```sql");
        line(abbreviateArrays(inlinedSql));
        line("```");
        line();
        line("Custom plan:");
        line();
        line("```");
        customPlan.forEach(l -> line(abbreviateArrays(l)));
        line("```");
        line();
        line("Generic plan:");
        line();
        line("```");
        genericPlan.forEach(l -> line(abbreviateArrays(l)));
        line("```");
        line();
        line("</details>");
        line();
    }

    @Override
    public String toString() {
        return md.toString();
    }

    static String executionTime(List<String> plan) {
        return plan.stream().filter(l -> l.startsWith("Execution Time: ")).findFirst()
                .map(l -> l.substring("Execution Time: ".length())).orElse("?");
    }

    /** '{id1,id2,...}' array literals of more than a few values become '{…n values…}'. */
    static String abbreviateArrays(String text) {
        Matcher m = Pattern.compile("'\\{([^}']{100,})\\}'").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int values = m.group(1).split(",").length;
            m.appendReplacement(out, Matcher.quoteReplacement("'{…" + values + " values…}'"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A statement on one line, Hibernate's long select list shortened to '…'. */
    static String shorten(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.replaceAll("(?i)^select (?!count\\()(.{40,}?) from ", "select … from ");
    }

    /** Milliseconds with two decimals. */
    static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A whole number as such, anything else with two decimals. */
    static String num(double value) {
        return Math.abs(value - Math.rint(value)) < 0.005 ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.2f", value);
    }
}

package io.branchkey.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statements PostgreSQL logged between two markers (log_line_prefix '%m [%p] &lt;%a&gt; ',
 * log_statement=all, log_min_duration_statement=0). The benchmark's own connection is left out.
 */
final class PgLog {

    /**
     * One executed statement: its text as the server received it, bind parameters, and execution time. A
     * {@code fetch} is no new statement but one more round trip reading rows of an open cursor (the JDBC driver
     * reads results in batches of the fetch size Keycloak sets).
     */
    record LoggedStatement(int pid, String sql, String parameters, double executeMs, boolean fetch) {

        LoggedStatement with(String newParameters, double newExecuteMs) {
            return new LoggedStatement(pid, sql, newParameters, newExecuteMs, fetch);
        }
    }

    /** The statements of a window, and the server time spent in parse, bind and execute steps altogether. */
    record Window(List<LoggedStatement> statements, double serverMs) {

        /** Several windows as one, in order. */
        static Window concat(List<Window> windows) {
            List<LoggedStatement> all = new ArrayList<>();
            windows.forEach(w -> all.addAll(w.statements()));
            return new Window(all, windows.stream().mapToDouble(Window::serverMs).sum());
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\S+ \\[(\\d+)\\] <([^>]*)> ([A-Z]+):  (.*)$");
    private static final Pattern EXECUTE = Pattern.compile("^execute (fetch from )?[^:]*: (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETERS = Pattern.compile("^(?i:parameters): (.*)$", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile("^duration: ([0-9.]+) ms(.*)$", Pattern.DOTALL);

    private record Entry(int pid, String application, String level, StringBuilder message) {
    }

    private final Path file;

    PgLog(Path file) {
        this.file = file;
    }

    /** Waits until the end marker has reached the log file, then parses the window between the two markers. */
    Window between(String startMarker, String endMarker) throws IOException, InterruptedException {
        String text = "";
        for (int i = 0; i < 100 && !text.contains(endMarker); i++) {
            if (i > 0) {
                Thread.sleep(50);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        int start = text.indexOf(startMarker);
        int end = text.indexOf(endMarker);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("markers not found in " + file + " (is log_statement on?)");
        }
        int from = text.indexOf('\n', start) + 1;
        int to = text.lastIndexOf('\n', end) + 1;
        return parse(text.substring(from, to));
    }

    /** Parses log lines (without the markers). */
    static Window parse(String lines) {
        return parse(entries(lines));
    }

    private static List<Entry> entries(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(Integer.parseInt(m.group(1)), m.group(2), m.group(3), new StringBuilder(m.group(4))));
            } else if (!entries.isEmpty()) {
                // A statement with line breaks continues without the prefix.
                entries.get(entries.size() - 1).message().append('\n').append(line);
            }
        }
        return entries;
    }

    private static Window parse(List<Entry> entries) {
        List<LoggedStatement> statements = new ArrayList<>();
        Map<Integer, Integer> openByPid = new HashMap<>();
        double serverMs = 0;
        for (Entry e : entries) {
            if (PostgresServer.OWN_APPLICATION.equals(e.application())) {
                continue;
            }
            String message = e.message().toString();
            Matcher execute = EXECUTE.matcher(message);
            Matcher duration = DURATION.matcher(message);
            Matcher parameters = PARAMETERS.matcher(message);
            if (e.level().equals("LOG") && (execute.matches() || message.startsWith("statement: "))) {
                String sql = execute.matches() ? execute.group(2) : message.substring("statement: ".length());
                boolean fetch = execute.matches() && execute.group(1) != null;
                openByPid.put(e.pid(), statements.size());
                statements.add(new LoggedStatement(e.pid(), sql.trim(), null, 0, fetch));
            } else if (e.level().equals("LOG") && duration.matches()) {
                double ms = Double.parseDouble(duration.group(1));
                serverMs += ms;
                Integer open = openByPid.get(e.pid());
                // A bare "duration: x ms" ends the execute step logged before; parse and bind steps carry their text.
                if (duration.group(2).isBlank() && open != null) {
                    LoggedStatement s = statements.get(open);
                    statements.set(open, s.with(s.parameters(), ms));
                    openByPid.remove(e.pid());
                }
            } else if (e.level().equals("DETAIL") && parameters.matches()) {
                Integer open = openByPid.get(e.pid());
                if (open != null && statements.get(open).parameters() == null) {
                    LoggedStatement s = statements.get(open);
                    statements.set(open, s.with(parameters.group(1), s.executeMs()));
                }
            }
        }
        return new Window(statements, serverMs);
    }

    /** The statement with its bind parameters ($1, $2, ...) replaced by the logged literal values. */
    static String inline(LoggedStatement statement) {
        List<String> values = parameterLiterals(statement);
        String sql = statement.sql();
        for (int n = values.size(); n >= 1; n--) { // $10 before $1
            sql = sql.replace("$" + n, values.get(n - 1));
        }
        return sql;
    }

    /** The logged bind parameters as SQL literals, in the order $1, $2, ... */
    static List<String> parameterLiterals(LoggedStatement statement) {
        Map<Integer, String> values = new HashMap<>();
        if (statement.parameters() != null) {
            Matcher m = Pattern.compile("\\$(\\d+) = ('(?:[^']++|'')*+'|NULL)").matcher(statement.parameters());
            while (m.find()) {
                values.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        List<String> ordered = new ArrayList<>();
        for (int n = 1; values.containsKey(n); n++) {
            ordered.add(values.get(n));
        }
        return ordered;
    }
}

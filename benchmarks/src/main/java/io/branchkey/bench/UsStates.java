package io.branchkey.bench;

import java.util.List;

/** The places the generated locations are spread over: one region per state, five cities each. */
final class UsStates {

    record State(String code, String name, String timezone, String zipPrefix, List<String> cities) {
    }

    static final List<State> ALL = List.of(
            new State("CO", "Colorado", "America/Denver", "80", List.of("Denver", "Boulder", "Aurora", "Fort Collins", "Pueblo")),
            new State("WA", "Washington", "America/Los_Angeles", "98", List.of("Seattle", "Tacoma", "Spokane", "Bellevue", "Everett")),
            new State("OR", "Oregon", "America/Los_Angeles", "97", List.of("Portland", "Eugene", "Salem", "Bend", "Medford")),
            new State("IL", "Illinois", "America/Chicago", "60", List.of("Chicago", "Naperville", "Peoria", "Evanston", "Joliet")),
            new State("MI", "Michigan", "America/Detroit", "48", List.of("Detroit", "Ann Arbor", "Lansing", "Grand Rapids", "Flint")),
            new State("CA", "California", "America/Los_Angeles", "94", List.of("Oakland", "Sacramento", "San Diego", "Fresno", "Berkeley")),
            new State("NY", "New York", "America/New_York", "10", List.of("Brooklyn", "Buffalo", "Albany", "Rochester", "Ithaca")),
            new State("MA", "Massachusetts", "America/New_York", "02", List.of("Boston", "Cambridge", "Worcester", "Lowell", "Salem MA")),
            new State("NV", "Nevada", "America/Los_Angeles", "89", List.of("Las Vegas", "Reno", "Henderson", "Sparks", "Carson City")),
            new State("AZ", "Arizona", "America/Phoenix", "85", List.of("Phoenix", "Tucson", "Mesa", "Tempe", "Flagstaff")));

    static final List<String> STREETS = List.of("Market St", "Main St", "Broadway", "Oak Ave", "Pine St", "Elm St",
            "Colfax Ave", "Park Blvd", "2nd Ave", "Lake Dr", "Hill Rd", "Union Sq", "Mill St", "River Rd", "Harbor Way");

    static State byCode(String code) {
        return ALL.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown state " + code));
    }

    private UsStates() {
    }
}

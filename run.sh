#!/usr/bin/env bash
# Build Branchkey and run it in a local Keycloak (dev mode) at http://localhost:8080.
#
#   ./run.sh            build the provider jar, start Keycloak with the demo realm and tenant seed
#   ./run.sh --reset    the same, but first delete the local database (the realm and seed are imported again)
#   ./run.sh [--reset] [-- extra kc.sh options]   e.g. ./run.sh -- --log-level=INFO,io.branchkey:debug
#
# Needs only Java 17+ and Maven. Everything it downloads or writes stays in .run/ (git-ignored) and in
# the local Maven repository (~/.m2): the Keycloak distribution is fetched from Maven Central and
# unpacked once; the H2 database lives in .run/data and survives restarts. Ctrl-C stops Keycloak.
set -euo pipefail

KC_VERSION=26.7.3
KC_DIST_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:zip"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
HTTP_PORT=8080

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="$ROOT/.run"
KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"
DATA_DIR="$RUN_DIR/data"
REALM_FILE="$ROOT/realm-config/demo-realm.json"
SEED_DIR="$ROOT/realm-config/seed"

say()  { printf '\n==> %s\n' "$*"; }
fail() { printf '\nrun.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

reset=false
kc_extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --reset) reset=true ;;
        -h|--help) usage; exit 0 ;;
        --) shift; kc_extra=("$@"); break ;;
        *) fail "unknown argument '$1' (try --help; pass Keycloak options after --)" ;;
    esac
    shift
done

# --- prerequisites ---------------------------------------------------------------------------------
# kc.sh uses $JAVA_HOME/bin/java when JAVA_HOME is set, otherwise java from the PATH: check that one.
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="$(command -v java || true)"; fi
[ -n "$JAVA" ] && [ -x "$JAVA" ] || fail "Java not found. Install a JDK 17 or newer (or set JAVA_HOME)."
java_spec="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
java_major="${java_spec#1.}"; java_major="${java_major%%.*}"
case "$java_major" in
    ''|*[!0-9]*) fail "could not determine the version of $JAVA" ;;
esac
[ "$java_major" -ge 17 ] || fail "Java $java_spec found at $JAVA; Keycloak $KC_VERSION needs Java 17 or newer."
command -v mvn >/dev/null 2>&1 || fail "Maven (mvn) not found on the PATH."
[ -f "$REALM_FILE" ] || fail "missing $REALM_FILE"
[ -d "$SEED_DIR" ] || fail "missing $SEED_DIR"

# Fail early and clearly if something already listens on the port (another Keycloak, for instance).
if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then
    fail "port $HTTP_PORT is already in use. Stop whatever listens there (another Keycloak?) and retry."
fi

# --- build -----------------------------------------------------------------------------------------
say "Building the provider jar (mvn package -pl providers -am, tests skipped)"
SECONDS=0
(cd "$ROOT" && mvn -B -q -DskipTests package -pl providers -am) \
    || fail "the Maven build failed (see the output above)."
provider_jar=""
for jar in "$ROOT"/providers/target/branchkey-providers-*.jar; do
    case "$jar" in *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;; esac
    [ -f "$jar" ] && provider_jar="$jar"
done
[ -n "$provider_jar" ] || fail "the build produced no providers/target/branchkey-providers-*.jar"
echo "    built $(basename "$provider_jar") in ${SECONDS}s"

# --- Keycloak distribution (fetched and unpacked only once) ---------------------------------------
if [ -x "$KC_HOME/bin/kc.sh" ]; then
    echo "    Keycloak $KC_VERSION already in ${KC_HOME#"$ROOT"/}"
else
    say "Fetching Keycloak $KC_VERSION from Maven Central (about 180 MB the first time, then cached in ~/.m2) and unpacking it into .run/"
    SECONDS=0
    mkdir -p "$RUN_DIR"
    tmp="$(mktemp -d "$RUN_DIR/.unpack.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    # Run outside the project (no pom.xml in $tmp) so the plugin's marker files land in $tmp too.
    (cd "$tmp" && mvn -B -q "$DEPENDENCY_PLUGIN:unpack" -Dartifact="$KC_DIST_ARTIFACT" \
        -DoutputDirectory="$tmp/dist" -Dmdep.overWriteReleases=true) \
        || fail "could not fetch or unpack $KC_DIST_ARTIFACT (is Maven Central reachable?)"
    [ -x "$tmp/dist/keycloak-$KC_VERSION/bin/kc.sh" ] || fail "unexpected layout of the Keycloak archive"
    mv "$tmp/dist/keycloak-$KC_VERSION" "$KC_HOME"   # atomic: a half-unpacked dist is never used
    rm -rf "$tmp"
    trap - EXIT
    echo "    fetched and unpacked in ${SECONDS}s"
fi

# --- install provider, realm import ----------------------------------------------------------------
# Copy only when the content changed: an unchanged jar spares Keycloak a re-augmentation (~20 s).
installed="$KC_HOME/providers/$(basename "$provider_jar")"
if ! cmp -s "$provider_jar" "$installed" 2>/dev/null; then
    rm -f "$KC_HOME"/providers/branchkey-providers-*.jar
    cp -p "$provider_jar" "$installed"
    echo "    installed $(basename "$provider_jar") into the Keycloak providers/ folder"
fi
# --import-realm reads data/import/<realm name>-realm.json; imports skip realms that already exist.
mkdir -p "$KC_HOME/data/import"
rm -f "$KC_HOME"/data/import/*.json
cp "$REALM_FILE" "$KC_HOME/data/import/branchkey-demo-realm.json"

if $reset; then
    say "--reset: deleting the local database in .run/data"
    rm -rf "$DATA_DIR"
fi
mkdir -p "$DATA_DIR/h2"

# --- start -----------------------------------------------------------------------------------------
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

base="http://localhost:$HTTP_PORT"
cat <<EOF

==> Starting Keycloak $KC_VERSION with Branchkey (dev mode: about a minute when the provider jar changed, ~15 s otherwise)

    Admin console   $base/admin/   (admin / admin; only set on the very first start)
    Demo realm      $base/admin/master/console/#/branchkey-demo
    Branchkey admin $base/realms/branchkey-demo/branchkey/ui/   (sign in as realm-admin or a manager below)
    Account console $base/realms/branchkey-demo/account/   (shows the branchkey login theme)
    OIDC discovery  $base/realms/branchkey-demo/.well-known/openid-configuration

    Demo logins in realm branchkey-demo, all with the DEMO-ONLY password "demo":
      realm-admin       realm admin of branchkey-demo (the whole tree in the Branchkey admin UI)
      partner-admin     partner admin of RelayOrder (partner of both accounts)
      gw-manager        account manager, Greenwood Cannabis Co.
      hv-manager        account manager, Harbor & Vine Restaurant Group
      gw-den-manager    store manager, Greenwood Downtown Denver (GW-DEN-001)
      gw-den-cashier1   cashier, Downtown Denver
      gw-den-cashier2   cashier, Downtown Denver and Cherry Creek
    Clients: register-app (public, PKCE S256, direct grants), backoffice-app (public, PKCE S256),
             branchkey-admin-ui (public, PKCE S256: the Branchkey admin UI)

    Database: H2 file in .run/data (kept between runs; ./run.sh --reset starts from scratch)
    Tenant seed: realm-config/seed/*.json (imported into realms without a tenant tree)
    Stop with Ctrl-C.

EOF

cd "$KC_HOME"
exec "$KC_HOME/bin/kc.sh" start-dev \
    --http-port="$HTTP_PORT" \
    --db=dev-file \
    --db-url="jdbc:h2:file:$DATA_DIR/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    --import-realm \
    --spi-branchkey-tenant-tree--jpa--seed-dir="$SEED_DIR" \
    ${kc_extra[@]+"${kc_extra[@]}"}

package io.branchkey.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class UiAssetsTest {

    private static final Path SOURCES = Path.of("src/main/resources/branchkey/ui");
    private static final UiAssets ASSETS = UiAssets.load(UiAssetsTest.class.getClassLoader());

    @Test
    void everyFileOfTheUiFolderIsListedAndEveryListedFileIsPacked() throws IOException {
        List<String> inFolder;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            inFolder = files.filter(Files::isRegularFile).map(p -> SOURCES.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("assets.txt")).sorted().toList();
        }
        assertThat(ASSETS.paths()).containsAll(inFolder);
        // The rest is keycloak-js, unpacked from its webjar at build time.
        assertThat(ASSETS.paths().stream().filter(p -> !inFolder.contains(p)))
                .containsExactlyInAnyOrder("vendor/keycloak.js", "vendor/LICENSE.txt");
    }

    @Test
    void theIndexNamesTheCurrentVersionOfEveryAsset() {
        String index = new String(ASSETS.index().bytes(), StandardCharsets.UTF_8);
        assertThat(ASSETS.version()).matches("[0-9a-f]{16}");
        assertThat(index).doesNotContain(UiAssets.VERSION_PLACEHOLDER)
                .contains("v/" + ASSETS.version() + "/js/main.js", "v/" + ASSETS.version() + "/vendor/keycloak.js");
        assertThat(ASSETS.index().contentType()).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void onlyListedPathsAreFound() {
        assertThat(ASSETS.asset("js/main.js").contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(ASSETS.asset("css/app.css").contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(ASSETS.asset("img/icon.svg").contentType()).isEqualTo("image/svg+xml");
        for (String path : List.of("index.html", "assets.txt", "../assets.txt", "js/../index.html", "/js/main.js",
                "js/main.js/", "JS/MAIN.JS", "../../META-INF/beans.xml", "..%2fassets.txt", "js/nope.js", "")) {
            assertThat(ASSETS.asset(path)).as(path).isNull();
        }
        assertThat(ASSETS.asset(null)).isNull();
    }

    /** The Content-Security-Policy forbids inline code: the files must not need any, nor build markup from strings. */
    @Test
    void noInlineScriptsHandlersOrMarkupFromStrings() throws IOException {
        String index = Files.readString(SOURCES.resolve("index.html"));
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(index).find()).as("inline <script>").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(index).find()).as("inline handler").isFalse();
        assertThat(index).doesNotContain("style=");
        try (Stream<Path> files = Files.walk(SOURCES.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String code = Files.readString(file);
                assertThat(code).as(file.toString())
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")
                        .doesNotContain("localStorage", "console.log");
            }
        }
    }
}

package io.branchkey.admin.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The admin UI's static files, packed in the provider jar under {@code branchkey/ui/}. Only the files named in
 * {@code branchkey/ui/assets.txt} exist for the outside world: a request is a lookup in that list, never a path
 * handed to the class loader, so nothing else in the jar (or outside it) can be reached.
 *
 * <p>The {@link #version()} is a hash of all files' bytes: assets are served below {@code v/<version>/}, so they
 * can be cached for a year and a new build is fetched at once.
 */
public final class UiAssets {

    static final String ROOT = "branchkey/ui/";
    static final String INDEX = "index.html";
    static final String VERSION_PLACEHOLDER = "@BRANCHKEY_UI_VERSION@";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    /** One file: its bytes and content type. */
    public record Asset(String path, byte[] bytes, String contentType) {
    }

    private static volatile UiAssets loaded;

    private final Map<String, Asset> assets;
    private final String version;

    private UiAssets(Map<String, Asset> assets, String version) {
        this.assets = assets;
        this.version = version;
    }

    /** The packed assets, read once per server (they cannot change while the jar is loaded). */
    public static UiAssets get() {
        UiAssets current = loaded;
        if (current == null) {
            synchronized (UiAssets.class) {
                if (loaded == null) {
                    loaded = load(UiAssets.class.getClassLoader());
                }
                current = loaded;
            }
        }
        return current;
    }

    static UiAssets load(ClassLoader loader) {
        Map<String, Asset> files = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (String path : listing(loader)) {
            byte[] bytes = read(loader, ROOT + path);
            if (bytes == null) {
                throw new IllegalStateException("branchkey/ui/assets.txt names " + path + ", which is not in the jar");
            }
            files.put(path, new Asset(path, bytes, contentType(path)));
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        Asset index = files.get(INDEX);
        if (index == null) {
            throw new IllegalStateException("branchkey/ui/assets.txt must name " + INDEX);
        }
        // index.html is the one file that is not versioned: it names the current version of everything else.
        byte[] page = new String(index.bytes(), StandardCharsets.UTF_8).replace(VERSION_PLACEHOLDER, version)
                .getBytes(StandardCharsets.UTF_8);
        files.put(INDEX, new Asset(INDEX, page, index.contentType()));
        return new UiAssets(Collections.unmodifiableMap(files), version);
    }

    public String version() {
        return version;
    }

    public Asset index() {
        return assets.get(INDEX);
    }

    /** A versioned asset by its path below the UI root, or null: unknown paths, the index and traversal alike. */
    public Asset asset(String path) {
        return path == null || INDEX.equals(path) ? null : assets.get(path);
    }

    public java.util.Set<String> paths() {
        return assets.keySet();
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : CONTENT_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalStateException("no content type for " + path + "; add one to UiAssets");
        }
        return type;
    }

    private static java.util.List<String> listing(ClassLoader loader) {
        byte[] list = read(loader, ROOT + "assets.txt");
        if (list == null) {
            throw new IllegalStateException("branchkey/ui/assets.txt is missing from the provider jar");
        }
        return new String(list, StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

#include <catch2/catch.hpp>

#include <filesystem>
#include <string_view>

#include "server_test_support.hpp"

using madoguchi::testing::error_fields;
using madoguchi::testing::gunzip;
using madoguchi::testing::gzip;
using madoguchi::testing::json_of;
using madoguchi::testing::RunningApp;
using madoguchi::testing::TempDir;
using madoguchi::testing::write_file;
namespace fs = std::filesystem;

namespace {

const std::string index_html = "<!doctype html><html lang=\"ja\"><title>窓口</title><script src=\"app.deadbeef01.js\"></script></html>\n";

std::string repeated(const std::string& text, int times) {
    std::string result;
    for (int i = 0; i < times; ++i) result += text;
    return result;
}

// A web folder as the build writes it: hashed app files with .gz beside them, the page
// shell and the font's licence under plain names.
struct WebApp {
    TempDir temp;
    fs::path dir = temp.path() / "web";
    std::string script = repeated("console.log('窓口 madoguchi');\n", 400);
    std::string wasm = std::string("\0asm\1\0\0\0", 8) + repeated(std::string("\x01\x02\x03\x04", 4), 2000);
    std::string licence = "SIL OPEN FONT LICENSE Version 1.1\n";
    std::string service_worker = repeated("const BUILD = '0123456789ab'; self.addEventListener('fetch', () => {});\n", 40);

    WebApp() {
        write_file(dir / "index.html", index_html);
        write_file(dir / "app.deadbeef01.js", script);
        write_file(dir / "app.deadbeef01.js.gz", gzip(script));
        write_file(dir / "app.deadbeef01.wasm", wasm);
        write_file(dir / "app.deadbeef01.wasm.gz", gzip(wasm));
        write_file(dir / "OFL.txt", licence);
        write_file(dir / "sw.js", service_worker);
        write_file(dir / "sw.js.gz", gzip(service_worker));
        write_file(dir / "manifest.webmanifest", R"({"name":"窓口"})");
        write_file(dir / "icon-192.png", "\x89PNG\r\n\x1a\n");
        write_file(dir / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write_file(dir / "BIZUDPGothic-subset.3f9a2c1b.ttf", "\0\1\0\0");
        write_file(dir / "build-info.json", R"({"version":"0.1.0"})");
        write_file(temp.path() / "secret.txt", "top secret");
    }
};

std::unique_ptr<httplib::Client> raw_client(const RunningApp& server) {
    auto client = server.client();
    // See the bytes on the wire: no automatic decompression, no path rewriting.
    client->set_decompress(false);
    client->set_url_encode(false);
    return client;
}

}  // namespace

TEST_CASE("static files are served with their MIME types", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    auto client = raw_client(server);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"/", "text/html; charset=utf-8"},
        {"/index.html", "text/html; charset=utf-8"},
        {"/app.deadbeef01.js", "text/javascript; charset=utf-8"},
        {"/app.deadbeef01.wasm", "application/wasm"},
        {"/OFL.txt", "text/plain; charset=utf-8"},
        {"/manifest.webmanifest", "application/manifest+json"},
        {"/icon-192.png", "image/png"},
        {"/logo.svg", "image/svg+xml"},
        {"/BIZUDPGothic-subset.3f9a2c1b.ttf", "font/ttf"},
        {"/build-info.json", "application/json"},
    };
    for (const auto& [path, type] : expected) {
        INFO(path);
        const auto response = client->Get(path.c_str());
        REQUIRE(response);
        CHECK(response->status == 200);
        CHECK(response->get_header_value("Content-Type") == type);
    }
}

TEST_CASE("the page shell is index.html and is revalidated on every load", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    const auto response = raw_client(server)->Get("/");
    REQUIRE(response);
    CHECK(response->body == index_html);
    CHECK(response->get_header_value("Cache-Control") == "no-cache");
}

// A browser checks /sw.js for a new build on every navigation; an old copy kept by a cache
// would hide new builds, and a script served under another type is refused as a worker.
TEST_CASE("the service worker is served from the root as JavaScript and revalidated on every load", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    auto client = raw_client(server);
    for (const auto* accept : {"gzip", "identity"}) {
        INFO("Accept-Encoding: " << accept);
        const auto response = client->Get("/sw.js", {{"Accept-Encoding", accept}});
        REQUIRE(response);
        CHECK(response->status == 200);
        CHECK(response->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
        CHECK(response->get_header_value("Cache-Control") == "no-cache");
        const bool gzipped = response->get_header_value("Content-Encoding") == "gzip";
        CHECK(gzipped == (std::string_view(accept) == "gzip"));
        CHECK((gzipped ? gunzip(response->body) : response->body) == web.service_worker);
        CHECK_THAT(response->get_header_value("Content-Security-Policy"), Catch::Contains("worker-src 'self'"));
    }
}

TEST_CASE("content-hashed files are cached for a year, plain names revalidated", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    auto client = raw_client(server);
    for (const auto* path : {"/app.deadbeef01.js", "/app.deadbeef01.wasm", "/BIZUDPGothic-subset.3f9a2c1b.ttf"}) {
        INFO(path);
        const auto response = client->Get(path);
        REQUIRE(response);
        CHECK(response->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
    }
    for (const auto* path : {"/OFL.txt", "/manifest.webmanifest", "/logo.svg"}) {
        INFO(path);
        const auto response = client->Get(path);
        REQUIRE(response);
        CHECK(response->get_header_value("Cache-Control") == "no-cache");
    }
}

TEST_CASE("precompressed files are sent gzipped exactly once to clients that accept gzip", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    auto client = raw_client(server);
    const std::vector<std::pair<std::string, std::string>> files{{"/app.deadbeef01.js", web.script},
                                                                 {"/app.deadbeef01.wasm", web.wasm}};
    // httplib itself compresses text bodies (brotli first) for clients that accept it; a
    // precompressed body must not be compressed again.
    for (const auto* accept : {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8, *;q=0.1", "*"}) {
        for (const auto& [path, content] : files) {
            INFO(path << " with Accept-Encoding: " << accept);
            const auto response = client->Get(path.c_str(), {{"Accept-Encoding", accept}});
            REQUIRE(response);
            CHECK(response->status == 200);
            CHECK(response->get_header_value_count("Content-Encoding") == 1);
            CHECK(response->get_header_value("Content-Encoding") == "gzip");
            CHECK(response->get_header_value("Vary") == "Accept-Encoding");
            CHECK(gunzip(response->body) == content);
        }
    }
}

TEST_CASE("clients that do not accept gzip get the plain file", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    auto client = raw_client(server);
    for (const auto* accept : {"identity", "gzip;q=0", "br, gzip;q=0", "*;q=0"}) {
        INFO("Accept-Encoding: " << accept);
        const auto response = client->Get("/app.deadbeef01.wasm", {{"Accept-Encoding", accept}});
        REQUIRE(response);
        CHECK_FALSE(response->has_header("Content-Encoding"));
        CHECK(response->get_header_value("Vary") == "Accept-Encoding");
        CHECK(response->body == web.wasm);
    }
    const auto without_header = client->Get("/app.deadbeef01.js");
    REQUIRE(without_header);
    CHECK_FALSE(without_header->has_header("Content-Encoding"));
    CHECK(without_header->body == web.script);
}

TEST_CASE("files without a .gz beside them are never compressed on the fly", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    const auto response = raw_client(server)->Get("/OFL.txt", {{"Accept-Encoding", "gzip, br"}});
    REQUIRE(response);
    CHECK_FALSE(response->has_header("Content-Encoding"));
    CHECK(response->body == web.licence);
}

TEST_CASE("HEAD answers the headers of GET without a body", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    auto client = raw_client(server);
    const auto plain = client->Head("/app.deadbeef01.wasm");
    REQUIRE(plain);
    CHECK(plain->status == 200);
    CHECK(plain->get_header_value("Content-Type") == "application/wasm");
    CHECK(plain->get_header_value("Content-Length") == std::to_string(web.wasm.size()));
    CHECK(plain->body.empty());

    const auto gzipped = client->Head("/app.deadbeef01.wasm", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gzipped);
    CHECK(gzipped->get_header_value("Content-Encoding") == "gzip");
    CHECK(gzipped->get_header_value("Content-Length") == std::to_string(gzip(web.wasm).size()));
    CHECK(gzipped->body.empty());
}

TEST_CASE("an unchanged file answers 304 to a conditional request", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    auto client = raw_client(server);
    const auto first = client->Get("/OFL.txt");
    REQUIRE(first);
    const auto tag = first->get_header_value("ETag");
    const auto modified = first->get_header_value("Last-Modified");
    REQUIRE_FALSE(tag.empty());
    REQUIRE_FALSE(modified.empty());

    const auto by_tag = client->Get("/OFL.txt", {{"If-None-Match", tag}});
    REQUIRE(by_tag);
    CHECK(by_tag->status == 304);
    CHECK(by_tag->body.empty());

    const auto by_date = client->Get("/OFL.txt", {{"If-Modified-Since", modified}});
    REQUIRE(by_date);
    CHECK(by_date->status == 304);

    const auto stale = client->Get("/OFL.txt", {{"If-None-Match", "\"something-else\""}});
    REQUIRE(stale);
    CHECK(stale->status == 200);
    CHECK(stale->body == web.licence);

    // The gzip variant is another representation: its tag must not validate the plain one.
    const auto gzipped = client->Get("/app.deadbeef01.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gzipped);
    const auto cross = client->Get("/app.deadbeef01.js", {{"If-None-Match", gzipped->get_header_value("ETag")}});
    REQUIRE(cross);
    CHECK(cross->status == 200);
    CHECK(cross->body == web.script);
}

TEST_CASE("no request reaches a file outside the web folder", "[static]") {
    WebApp web;
    fs::create_symlink(web.temp.path() / "secret.txt", web.dir / "linked-secret.txt");
    RunningApp server(web.dir);
    auto client = raw_client(server);
    for (const auto* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
                             "/%2e%2e%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/./../secret.txt",
                             "//secret.txt", "/index.html%00.txt", "/linked-secret.txt", "/.%2e/secret.txt",
                             "/%252e%252e/secret.txt"}) {
        INFO(path);
        const auto response = client->Get(path);
        REQUIRE(response);
        CHECK((response->status == 404 || response->status == 400));
        CHECK(response->body.find("top secret") == std::string::npos);
    }
}

TEST_CASE("an unknown page is a 404 error, not the page shell", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    const auto response = raw_client(server)->Get("/no-such-page");
    REQUIRE(response);
    CHECK(response->status == 404);
    CHECK(json_of(response)["error"]["code"] == "not_found");
    CHECK(response->body.find("<html") == std::string::npos);
}

TEST_CASE("web files accept only GET and HEAD", "[static]") {
    WebApp web;
    RunningApp server(web.dir);
    const auto response = raw_client(server)->Post("/index.html", "x", "text/plain");
    REQUIRE(response);
    CHECK(response->status == 405);
    CHECK(response->get_header_value("Allow") == "GET, HEAD");
}

TEST_CASE("without a built web app the API still runs and / says the app is not built", "[static]") {
    RunningApp server;  // its web folder does not exist
    auto client = raw_client(server);
    const auto page = client->Get("/");
    REQUIRE(page);
    CHECK(page->status == 503);
    CHECK(page->get_header_value("Content-Type") == "text/plain; charset=utf-8");
    CHECK(page->body.find("scripts/build") != std::string::npos);

    const auto script = client->Get("/app.deadbeef01.js");
    REQUIRE(script);
    CHECK(script->status == 404);

    const auto health = client->Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}

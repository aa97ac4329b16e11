#include <catch2/catch.hpp>

#include "i18n/catalog.hpp"

using namespace madoguchi::i18n;

TEST_CASE("the catalog holds every area's file, each text in Japanese and English", "[i18n]") {
    REQUIRE_NOTHROW(keys());
    const auto all = keys();
    // One key from each area file: a file left out of the build would drop its texts.
    for (const auto* key : {"app.title", "dashboard.server", "error.not_found", "weekday.0"}) {
        INFO(key);
        CHECK(has_key(key));
    }
    for (const auto& key : all) {
        INFO(key);
        CHECK_FALSE(text(key, Language::ja).empty());
        CHECK_FALSE(text(key, Language::en).empty());
    }
}

TEST_CASE("a missing key shows as itself rather than as blank text", "[i18n]") {
    CHECK_FALSE(has_key("no.such.key"));
    CHECK(text("no.such.key", Language::ja) == "no.such.key");
}

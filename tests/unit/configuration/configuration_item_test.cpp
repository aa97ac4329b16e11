// A configuration item's rules and wire form, as the API and the client's edit form apply them.
#include <catch2/catch.hpp>

#include "configuration/configuration_item.hpp"
#include "i18n/catalog.hpp"

using namespace madoguchi::configuration;
using madoguchi::validation::FieldProblem;

TEST_CASE("a configuration item needs a name, the other texts have limits", "[configuration][item]") {
    ItemFields slack{ItemKind::service, "Slack", "全庁のチャット\n（Business+）", "D-JOHO", "Slack Technologies", ""};
    CHECK(validate(slack).empty());

    ItemFields blank = slack;
    blank.name = "　";
    CHECK(validate(blank) == std::vector<FieldProblem>{{"name", "field.required"}});

    ItemFields wrong = slack;
    wrong.name = std::string(101, 'x');
    wrong.vendor = "a\tb";
    wrong.product_version = std::string(51, '1');
    wrong.description = std::string(2001, 'x');
    CHECK(validate(wrong) == std::vector<FieldProblem>{{"name", "field.too_long_100"},
                                                      {"description", "field.too_long_2000"},
                                                      {"vendor", "field.control_character"},
                                                      {"product_version", "field.too_long_50"}});
}

TEST_CASE("kinds have names on the wire and labels in both languages", "[configuration][item]") {
    CHECK(parse_kind("service") == ItemKind::service);
    CHECK(parse_kind("software") == ItemKind::software);
    CHECK_FALSE(parse_kind("hardware"));
    CHECK(madoguchi::i18n::text(kind_label_key(ItemKind::software), madoguchi::i18n::Language::ja) == "ソフトウェア");
    CHECK(madoguchi::i18n::text(kind_label_key(ItemKind::service), madoguchi::i18n::Language::en) == "Service");
}

TEST_CASE("a configuration item survives its wire form", "[configuration][item]") {
    ConfigurationItem item{7, {ItemKind::software, "PC-Talker Neo Plus", "画面読み上げ", "D-JOHO", "高知システム開発", "Neo Plus 5"},
                           3, "2026-11-26T01:00:00Z"};
    const auto json = to_json(item);
    CHECK(json["kind"] == "software");
    CHECK(json["product_version"] == "Neo Plus 5");
    const auto back = item_from_json(json);
    REQUIRE(back);
    CHECK(back->fields == item.fields);
    CHECK(back->version == 3);
    CHECK(back->id == 7);
    CHECK_FALSE(item_from_json({{"id", 7}, {"kind", "hardware"}}));
    CHECK_FALSE(item_from_json(nlohmann::json::array()));
}

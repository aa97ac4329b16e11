#include "http/body_reader.hpp"

#include <catch2/catch.hpp>

#include <limits>

#include "i18n/catalog.hpp"

using nlohmann::json;
namespace http = madoguchi::server::http;
namespace i18n = madoguchi::i18n;

namespace {

json english_fields(const json& reasons) {
    auto fields = json::object();
    for (const auto& [field, key] : reasons.items()) fields[field] = i18n::text(key.get<std::string>(), i18n::Language::en);
    return fields;
}

void check_refusal(const http::BodyReader& reader, const json& reasons) {
    const auto refusal = reader.refusal();
    REQUIRE(refusal);
    CHECK(refusal->status == 400);
    CHECK(refusal->error.code == "bad_request");
    CHECK(json(refusal->error.fields) == english_fields(reasons));
}

}  // namespace

TEST_CASE("a body of the right types reads into typed values", "[body_reader]") {
    const json body{{"login", "yamada"}, {"name", "山田 太郎"}, {"roles", {"staff", "manager"}},
                    {"disabled", false},  {"division_id", 42}, {"note", nullptr}};
    http::BodyReader reader(body, {"login", "name", "roles", "disabled", "division_id", "note", "vendor"});
    CHECK(reader.string("login") == "yamada");
    CHECK(reader.optional_string("name") == "山田 太郎");
    CHECK(reader.strings("roles") == std::vector<std::string>{"staff", "manager"});
    CHECK(reader.boolean("disabled") == false);
    CHECK(reader.integer("division_id") == 42);
    CHECK(reader.optional_string("note") == std::nullopt);
    CHECK(reader.optional_string("vendor") == std::nullopt);
    CHECK(reader.optional_boolean("vendor") == std::nullopt);
    CHECK(reader.optional_integer("vendor") == std::nullopt);
    CHECK(reader.optional_strings("vendor") == std::nullopt);
    CHECK(reader.has("login"));
    CHECK_FALSE(reader.has("note"));
    CHECK(reader.problems().empty());
    CHECK_FALSE(reader.refusal());
}

TEST_CASE("every wrong type, missing and unknown member is named at once", "[body_reader]") {
    const json body{{"login", 7},       {"name", json::array()},         {"roles", "staff"},
                    {"tags", {"a", 1}}, {"disabled", "false"},           {"count", 1.0},
                    {"big", 1e3},       {"huge", 18446744073709551615u}, {"password", "x"}};
    http::BodyReader reader(body, {"login", "name", "roles", "tags", "disabled", "count", "big", "huge", "division"});
    CHECK(reader.string("login").empty());
    CHECK(reader.optional_string("name") == std::nullopt);
    CHECK(reader.strings("roles").empty());
    CHECK(reader.optional_strings("tags") == std::nullopt);
    CHECK(reader.boolean("disabled") == false);
    CHECK(reader.integer("count") == 0);
    CHECK(reader.optional_integer("big") == std::nullopt);
    CHECK(reader.integer("huge") == 0);
    CHECK(reader.string("division").empty());
    check_refusal(reader, {{"login", "field.not_string"},
                           {"name", "field.not_string"},
                           {"roles", "field.not_array"},
                           {"tags", "field.not_string_items"},
                           {"disabled", "field.not_boolean"},
                           {"count", "field.not_integer"},
                           {"big", "field.not_integer"},
                           {"huge", "field.too_large"},
                           {"division", "field.required"},
                           {"password", "field.unknown_field"}});
}

TEST_CASE("null counts as absent: required members are missing, optional ones empty", "[body_reader]") {
    const json body{{"login", nullptr}, {"roles", nullptr}, {"name", nullptr}};
    http::BodyReader reader(body, {"login", "roles", "name", "admin", "limit"});
    CHECK(reader.string("login").empty());
    CHECK(reader.strings("roles").empty());
    CHECK(reader.optional_string("name") == std::nullopt);
    CHECK(reader.boolean("admin") == false);
    CHECK(reader.integer("limit") == 0);
    check_refusal(reader, {{"login", "field.required"},
                           {"roles", "field.required"},
                           {"admin", "field.required"},
                           {"limit", "field.required"}});
}

TEST_CASE("integers at the edges of 64 bits are read exactly", "[body_reader]") {
    const auto body = json::parse(R"({"min":-9223372036854775808,"max":9223372036854775807,"over":9223372036854775808})");
    http::BodyReader reader(body, {"min", "max", "over"});
    CHECK(reader.integer("min") == std::numeric_limits<std::int64_t>::min());
    CHECK(reader.integer("max") == std::numeric_limits<std::int64_t>::max());
    CHECK(reader.optional_integer("over") == std::nullopt);
    check_refusal(reader, {{"over", "field.too_large"}});
}

TEST_CASE("a handler's own problems join the reader's, the first per field kept", "[body_reader]") {
    const json body{{"login", ""}, {"roles", {1}}};
    http::BodyReader reader(body, {"login", "roles"});
    (void)reader.strings("roles");
    reader.add_problem("login", "field.required");
    reader.add_problem("roles", "field.required");
    check_refusal(reader, {{"login", "field.required"}, {"roles", "field.not_string_items"}});
}

TEST_CASE("a body that is not an object has one problem", "[body_reader]") {
    http::BodyReader reader(json::array({1}), {"login"});
    CHECK(reader.optional_string("login") == std::nullopt);
    CHECK_FALSE(reader.has("login"));
    check_refusal(reader, {{"", "field.not_object"}});
}

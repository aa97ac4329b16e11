#include "http/json_body.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "i18n/catalog.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace http = madoguchi::server::http;
namespace i18n = madoguchi::i18n;

namespace {

constexpr const char* json_type = "application/json";

json english_fields(const json& reasons) {
    auto fields = json::object();
    for (const auto& [field, key] : reasons.items()) fields[field] = i18n::text(key.get<std::string>(), i18n::Language::en);
    return fields;
}

// The refusal parse_json_body gives, with its status, code and exactly these fields.
void check_refused(const http::JsonBody& body, int status, const std::string& code, const json& reasons) {
    const auto* refusal = std::get_if<http::BodyRefusal>(&body);
    REQUIRE(refusal);
    CHECK(refusal->status == status);
    CHECK(refusal->error.code == code);
    CHECK_FALSE(refusal->error.message_ja.empty());
    CHECK(json(refusal->error.fields) == english_fields(reasons));
}

void check_bad_body(std::string_view body, const std::string& field, const std::string& reason_key) {
    check_refused(http::parse_json_body(json_type, body), 400, "bad_request", {{field, reason_key}});
}

// The same over HTTP: the error document and its fields.
void check_answer(const httplib::Result& response, int status, const std::string& code, const json& reasons) {
    REQUIRE(response);
    CHECK(response->status == status);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto error = json_of(response)["error"];
    CHECK(error["code"] == code);
    CHECK_FALSE(error["message_ja"].get<std::string>().empty());
    CHECK(error["fields"] == english_fields(reasons));
}

// Plain concatenation; GCC 12 warns falsely on "literal" + std::string.
template <typename... Parts>
std::string concat(const Parts&... parts) {
    std::string result;
    (result += ... += parts);
    return result;
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// "[0][0]…": where the first refused bracket sits below a member that opens `count` arrays.
std::string first_items(std::size_t count) {
    std::string indexes;
    for (std::size_t level = 0; level < count; ++level) indexes += "[0]";
    return indexes;
}

// A sample inquiry's JSON without its subject, `raw` (e.g. "\"subject\":…") as the last member.
std::string inquiry_ending_with(std::string_view raw) {
    auto inquiry = sample_inquiry();
    inquiry.erase("subject");
    auto body = inquiry.dump();
    body.back() = ',';
    body += raw;
    body += '}';
    return body;
}

}  // namespace

TEST_CASE("a JSON object body is decoded as sent", "[json_body]") {
    const auto body = http::parse_json_body("application/json; charset=UTF-8",
                                            R"({"name":"山田","roles":["staff"],"n":-3,"ok":true,"none":null})");
    const auto* document = std::get_if<json>(&body);
    REQUIRE(document);
    CHECK(*document == json{{"name", "山田"}, {"roles", {"staff"}}, {"n", -3}, {"ok", true}, {"none", nullptr}});
    // A charset in any case or quoted, and the type in any case, are the same media type.
    for (const auto* type : {"application/json", "Application/JSON", "application/json;charset=utf-8",
                             "application/json; charset=\"utf-8\""}) {
        INFO(type);
        CHECK(std::holds_alternative<json>(http::parse_json_body(type, "{}")));
    }
}

TEST_CASE("a body that is not JSON or not an object is a 400 saying so", "[json_body]") {
    check_bad_body("", "", "field.invalid_json");
    check_bad_body("not json", "", "field.invalid_json");
    check_bad_body("{} {}", "", "field.invalid_json");
    check_bad_body("{\"a\":1,}", "", "field.invalid_json");
    check_bad_body("{\"name\": tru}", "name", "field.invalid_json");
    check_bad_body("{\"a\": {\"b\": [1, 2, }}", "a.b[2]", "field.invalid_json");
    check_bad_body("[1, 2]", "", "field.not_object");
    check_bad_body("\"text\"", "", "field.not_object");
    check_bad_body("null", "", "field.not_object");
    // An empty body without a Content-Type is missing JSON, not another media type.
    check_refused(http::parse_json_body("", ""), 400, "bad_request", {{"", "field.invalid_json"}});
}

TEST_CASE("a Content-Type other than application/json is a 415", "[json_body]") {
    for (const auto* type : {"text/plain", "application/x-www-form-urlencoded", "application/json-patch+json",
                             "application/json; charset=shift_jis", "application/json; version=2", ""}) {
        INFO(type);
        check_refused(http::parse_json_body(type, "{}"), 415, "unsupported_media_type",
                      {{"Content-Type", "field.not_json_media_type"}});
    }
}

TEST_CASE("nesting up to the limit is decoded, one level more is refused where it starts", "[json_body]") {
    const auto deepest = concat("{\"a\":", nested_arrays(http::max_json_depth - 1), "}");
    CHECK(std::holds_alternative<json>(http::parse_json_body(json_type, deepest)));

    const auto too_deep = concat("{\"a\":", nested_arrays(http::max_json_depth), "}");
    check_bad_body(too_deep, concat("a", first_items(http::max_json_depth - 1)), "field.too_deep");
    check_bad_body(concat("{\"a\":{\"b\":", std::string(100, '[')), concat("a.b", first_items(http::max_json_depth - 2)),
                   "field.too_deep");
}

TEST_CASE("a megabyte of open brackets is refused at once", "[json_body]") {
    const std::string brackets(1'000'000, '[');
    (void)http::parse_json_body(json_type, "[");  // loads the message catalog outside the timing
    const auto started = std::chrono::steady_clock::now();
    const auto body = http::parse_json_body(json_type, brackets);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    const auto* refusal = std::get_if<http::BodyRefusal>(&body);
    REQUIRE(refusal);
    REQUIRE(refusal->error.fields.size() == 1);
    CHECK(refusal->error.fields.begin()->second == i18n::text("field.too_deep", i18n::Language::en));
    // Too deep, not unterminated: it stopped after 33 brackets instead of reading to the end,
    // which would also take far longer.
    CHECK(elapsed < std::chrono::milliseconds(100));
}

TEST_CASE("text that is not UTF-8 is refused naming the member", "[json_body]") {
    // Overlong '/', an encoded surrogate, U+110000, a lone continuation byte, a 5-byte form,
    // a sequence cut short by the closing quote, and escaped surrogates without their pair.
    for (const std::string value : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "a\x80", "\xF8\x88\x80\x80\x80",
                                    "\xE7\xAA", "\\ud800", "\\udc00x", "\\ud800\\u0041"}) {
        INFO(value);
        check_bad_body(concat("{\"ok\":\"\xE7\xAA\x93\",\"subject\":\"", value, "\"}"), "subject", "field.invalid_utf8");
    }
    check_bad_body("{\"list\":[\"a\",\"\xFF\"]}", "list[1]", "field.invalid_utf8");
    // Cut short by the end of the body, in a member name, and outside any string.
    check_bad_body("{\"subject\":\"\xE7\xAA", "subject", "field.invalid_utf8");
    check_bad_body("{\"a\xC0\xAF\":1}", "", "field.invalid_utf8");
    check_bad_body("{\"n\":\xE7\xAA\x93}", "n", "field.invalid_utf8");
    // A valid pair of escaped surrogates is one code point.
    const auto paired = http::parse_json_body(json_type, R"({"s":"\ud842\udfb7"})");
    REQUIRE(std::holds_alternative<json>(paired));
    CHECK(std::get<json>(paired)["s"] == "\xF0\xA0\xAE\xB7");
}

TEST_CASE("a member name given twice in one object is refused", "[json_body]") {
    check_bad_body(R"({"subject":"a","subject":"b"})", "subject", "field.duplicate_member");
    check_bad_body(R"({"a":{"x":1,"y":2,"x":3}})", "a.x", "field.duplicate_member");
    check_bad_body(R"({"a":[{"x":1},{"x":1,"x":1}]})", "a[1].x", "field.duplicate_member");
    // The same name in different objects is no duplicate.
    CHECK(std::holds_alternative<json>(http::parse_json_body(json_type, R"({"x":{"x":{"x":1}},"y":[{"x":1},{"x":2}]})")));
}

TEST_CASE("the inquiry route refuses malformed bodies with 400 naming the field, and keeps serving",
          "[json_body][inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}, test_division, {}}).client;
    const auto post = [&client](const std::string& body, const char* type = json_type) {
        return client->Post("/api/v1/inquiries", body, type);
    };

    const auto started = std::chrono::steady_clock::now();
    check_answer(post(inquiry_ending_with(concat("\"subject\":", std::string(1'000'000, '[')))), 400, "bad_request",
                 {{concat("subject", first_items(http::max_json_depth - 1)), "field.too_deep"}});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));

    check_answer(post(inquiry_ending_with("\"subject\":\"\xED\xA0\x80\"")), 400, "bad_request",
                 {{"subject", "field.invalid_utf8"}});
    check_answer(post(inquiry_ending_with("\"subject\":\"a\",\"body\":\"b\"")), 400, "bad_request",
                 {{"body", "field.duplicate_member"}});
    check_answer(post("[]"), 400, "bad_request", {{"", "field.not_object"}});
    check_answer(post(sample_inquiry().dump(), "text/plain"), 415, "unsupported_media_type",
                 {{"Content-Type", "field.not_json_media_type"}});
    check_answer(post(sample_inquiry().dump(), "application/json; charset=shift_jis"), 415,
                 "unsupported_media_type", {{"Content-Type", "field.not_json_media_type"}});

    // Over the size limit: refused before the route runs, as JSON.
    auto oversized = sample_inquiry();
    oversized["body"] = std::string(1'500'000, 'x');
    check_answer(post(oversized.dump()), 413, "payload_too_large", json::object());

    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM inquiries") == 0);
    CHECK(server.client()->Get("/api/v1/health")->status == 200);
    const auto accepted = post(sample_inquiry().dump(), "application/json; charset=utf-8");
    REQUIRE(accepted);
    CHECK(accepted->status == 201);
}

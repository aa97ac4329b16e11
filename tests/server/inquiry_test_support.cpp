#include "inquiry_test_support.hpp"

#include <catch2/catch.hpp>

#include "store/database.hpp"

namespace madoguchi::testing {

nlohmann::json sample_inquiry(const std::string& subject) {
    return {{"requester_name", "山田 太郎"}, {"division", "総務課"},
            {"contact", "内線 1234"},        {"category", "device"},
            {"subject", subject},            {"body", "3階の複合機で紙詰まり表示が消えません。\n再起動済みです。"}};
}

httplib::Result post_inquiry(httplib::Client& client, const std::string& body, const std::optional<std::string>& key) {
    httplib::Headers headers;
    if (key) headers.emplace("Idempotency-Key", *key);
    return client.Post("/api/v1/inquiries", headers, body, "application/json");
}

std::int64_t count_rows(const std::filesystem::path& database, const std::string& sql) {
    auto connection = server::store::Database::open(database);
    REQUIRE(connection);
    auto count = connection.value().query_int(sql);
    REQUIRE(count);
    REQUIRE(count.value());
    return *count.value();
}

}  // namespace madoguchi::testing

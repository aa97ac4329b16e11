#include <catch2/catch.hpp>

#include <latch>
#include <set>
#include <thread>

#include "idempotency/request_hash.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

const std::string draft_key = "6f1c1e0a-8a57-4b2e-9d2c-3f7f2f5b9a41";

std::int64_t inquiry_count(const RunningApp& server) {
    return count_rows(server.database_path(), "SELECT count(*) FROM tickets WHERE kind = 'inquiry'");
}

// What a sender saw, kept after its thread ends (httplib::Result has no empty state).
struct Answer {
    bool arrived = false;
    int status = 0;
    std::string body;
    bool replayed = false;
};

Answer answer_of(const httplib::Result& result) {
    if (!result) return {};
    return {true, result->status, result->body, result->get_header_value("Idempotency-Replayed") == "true"};
}

void check_error_code(const httplib::Result& response, int status, const std::string& code) {
    REQUIRE(response);
    CHECK(response->status == status);
    CHECK(json_of(response)["error"]["code"] == code);
}

}  // namespace

TEST_CASE("the same submission twice under one key creates one inquiry and answers the same", "[idempotency]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    const auto body = sample_inquiry().dump();
    const auto first = post_inquiry(*client, body, draft_key);
    REQUIRE(first);
    CHECK(first->status == 201);
    CHECK_FALSE(first->has_header("Idempotency-Replayed"));

    const auto second = post_inquiry(*client, body, draft_key);
    REQUIRE(second);
    CHECK(second->status == 201);
    CHECK(second->get_header_value("Idempotency-Replayed") == "true");
    CHECK(second->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(second->body == first->body);
    CHECK(inquiry_count(server) == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'ticket.created'") == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM idempotency_keys") == 1);

    // Another key is another submission, even with the same content.
    const auto other = post_inquiry(*client, body, "another-draft");
    REQUIRE(other);
    CHECK(other->status == 201);
    CHECK(json_of(other)["inquiry"]["id"] != json_of(first)["inquiry"]["id"]);
    CHECK(inquiry_count(server) == 2);
}

TEST_CASE("a key reused for a different body is refused with 409 and changes nothing", "[idempotency]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    REQUIRE(post_inquiry(*client, sample_inquiry().dump(), draft_key)->status == 201);
    const auto reused = post_inquiry(*client, sample_inquiry("別の件名").dump(), draft_key);
    check_error_code(reused, 409, "idempotency_key_reused");
    CHECK_FALSE(reused->has_header("Idempotency-Replayed"));
    // The same JSON written differently is different bytes: the key names one exact request.
    check_error_code(post_inquiry(*client, sample_inquiry().dump(2), draft_key), 409, "idempotency_key_reused");
    CHECK(inquiry_count(server) == 1);
}

TEST_CASE("a refused submission is not kept: the corrected draft goes through under the same key",
          "[idempotency]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    auto draft = sample_inquiry();
    draft["subject"] = "";
    check_error_code(post_inquiry(*client, draft.dump(), draft_key), 422, "validation_failed");
    check_error_code(post_inquiry(*client, "not json", draft_key), 400, "bad_request");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM idempotency_keys") == 0);
    draft["subject"] = "直した件名";
    const auto corrected = post_inquiry(*client, draft.dump(), draft_key);
    REQUIRE(corrected);
    CHECK(corrected->status == 201);
    CHECK(inquiry_count(server) == 1);
}

TEST_CASE("a malformed Idempotency-Key is a 400 naming the header", "[idempotency]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    const auto body = sample_inquiry().dump();
    for (const auto& key : {std::string(256, 'k'), std::string("鍵"), std::string("a\x7F" "b")}) {
        INFO(key);
        check_invalid_parameter(post_inquiry(*client, body, key), {"Idempotency-Key"}, "field.invalid_idempotency_key");
    }
    httplib::Headers two_keys{{"Idempotency-Key", "one"}, {"Idempotency-Key", "two"}};
    check_invalid_parameter(client->Post("/api/v1/inquiries", two_keys, body, "application/json"), {"Idempotency-Key"},
                            "field.invalid_idempotency_key");
    // The header checked before the body: even an empty body gets this answer.
    check_invalid_parameter(post_inquiry(*client, "", std::string(256, 'k')), {"Idempotency-Key"},
                            "field.invalid_idempotency_key");
    CHECK(post_inquiry(*client, body, std::string(255, 'k'))->status == 201);
    CHECK(post_inquiry(*client, body, std::string("a b~!"))->status == 201);
    CHECK(inquiry_count(server) == 2);
}

TEST_CASE("concurrent submissions under one key create one inquiry and all get its answer", "[idempotency]") {
    RunningApp server;
    const auto body = sample_inquiry().dump();
    constexpr int senders = 8;
    std::vector<std::unique_ptr<httplib::Client>> clients;
    add_user(server, {"staff1", {Role::staff}});
    for (int index = 0; index < senders; ++index) {
        clients.push_back(sign_in(server, "staff1").client);
        // Connect first, so the requests themselves start together.
        REQUIRE(clients.back()->Get("/api/v1/health"));
    }
    std::latch start(senders);
    std::vector<Answer> answers(senders);
    std::vector<std::thread> threads;
    for (int index = 0; index < senders; ++index) {
        threads.emplace_back([&, index] {
            start.arrive_and_wait();
            answers[index] = answer_of(post_inquiry(*clients[index], body, draft_key));
        });
    }
    for (auto& thread : threads) thread.join();

    int replayed = 0;
    for (const auto& answer : answers) {
        REQUIRE(answer.arrived);
        CHECK(answer.status == 201);
        CHECK(answer.body == answers.front().body);
        if (answer.replayed) ++replayed;
    }
    CHECK(replayed == senders - 1);
    CHECK(inquiry_count(server) == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'ticket.created'") == 1);
}

TEST_CASE("concurrent submissions under different keys get distinct numbers", "[idempotency]") {
    RunningApp server;
    constexpr int senders = 6;
    std::latch start(senders);
    std::vector<Answer> answers(senders);
    std::vector<std::thread> threads;
    add_user(server, {"staff1", {Role::staff}});
    std::vector<std::unique_ptr<httplib::Client>> clients;
    for (int index = 0; index < senders; ++index) clients.push_back(sign_in(server, "staff1").client);
    for (int index = 0; index < senders; ++index) {
        threads.emplace_back([&, index] {
            start.arrive_and_wait();
            const auto key = std::string("draft-").append(std::to_string(index));
            answers[index] = answer_of(post_inquiry(*clients[index], sample_inquiry().dump(), key));
        });
    }
    for (auto& thread : threads) thread.join();
    std::set<std::string> numbers;
    for (const auto& answer : answers) {
        REQUIRE(answer.arrived);
        CHECK(answer.status == 201);
        numbers.insert(json::parse(answer.body)["inquiry"]["number"].get<std::string>());
    }
    CHECK(numbers.size() == senders);
    CHECK(inquiry_count(server) == senders);
}

TEST_CASE("keys older than 30 days are forgotten", "[idempotency]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    REQUIRE(post_inquiry(*client, sample_inquiry().dump(), draft_key)->status == 201);
    {
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        REQUIRE(database.value().execute(
            "UPDATE idempotency_keys SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-31 days')"));
    }
    // Under a forgotten key a different body is a new submission, not a reuse.
    const auto later = post_inquiry(*client, sample_inquiry("一か月後").dump(), draft_key);
    REQUIRE(later);
    CHECK(later->status == 201);
    CHECK_FALSE(later->has_header("Idempotency-Replayed"));
    CHECK(inquiry_count(server) == 2);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM idempotency_keys") == 1);
}

TEST_CASE("request bodies are fingerprinted with SHA-256", "[idempotency]") {
    using madoguchi::server::idempotency::sha256_hex;
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

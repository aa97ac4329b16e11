// The outbox survives a restart: `madoguchi serve` processes against one database file and a
// real SMTP server; and serve's notification options.
#include <catch2/catch.hpp>

#include <csignal>
#include <set>
#include <thread>

#include "cli_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "notification_test_support.hpp"
#include "server_test_support.hpp"
#include "store/migrations.hpp"

using namespace madoguchi::testing;
using madoguchi::server::notifications::Recipient;

namespace {

std::vector<std::string> serve_arguments(const std::filesystem::path& database, const SmtpSink& sink) {
    return {"serve", "--port", "0", "--db", database.string(), "--smtp-host", "127.0.0.1", "--smtp-port",
            std::to_string(sink.port()), "--mail-from", "madoguchi@desk.example.go.jp"};
}

}  // namespace

TEST_CASE("messages pending when the server stopped are sent once after it starts again", "[notifications]") {
    TempDir temp;
    const auto database = temp.path() / "outbox.db";
    {
        auto connection = madoguchi::server::store::Database::open(database);
        REQUIRE(connection);
        REQUIRE(madoguchi::server::store::migrate(connection.value()));
    }
    for (const auto* address : {"sato@example.go.jp", "kato@example.go.jp"}) {
        REQUIRE(enqueue_into(database, {"ticket.escalated", {Recipient::email(address)}, {},
                                        {{"ticket_number", "T-7"}, {"title", "基幹システム停止"}, {"reason", "期限超過"},
                                         {"due_at", "2026-11-26 17:00"}, {"url", "u"}}})
                    .empty());
    }
    // The second was being sent when the last server died: claimed, never recorded.
    {
        auto connection = madoguchi::server::store::Database::open(database);
        REQUIRE(connection);
        REQUIRE(connection.value().execute("UPDATE notification_outbox SET state = 'sending' WHERE id = 2"));
    }

    SmtpSink sink;
    {
        MadoguchiProcess server(serve_arguments(database, sink));
        REQUIRE(server.read_line().starts_with("Madoguchi listening"));
        REQUIRE(wait_until([&] { return sink.messages().size() == 2; }));
        REQUIRE(wait_until([&] {
            return count_rows(database, "SELECT count(*) FROM notification_outbox WHERE state = 'sent'") == 2;
        }));
        server.send_signal(SIGTERM);
        const auto run = server.wait();
        CHECK(run.exit_code == 0);
        CHECK(mentions(run.err, "1 message(s) were being sent when the server stopped"));
    }
    CHECK(count_rows(database, "SELECT count(*) FROM notification_attempts WHERE outbox_id = 2 AND outcome = 'interrupted'") == 1);
    CHECK(count_rows(database, "SELECT count(*) FROM notification_attempts WHERE outcome = 'sent'") == 2);

    // A further restart sends nothing again.
    MadoguchiProcess again(serve_arguments(database, sink));
    REQUIRE(again.read_line().starts_with("Madoguchi listening"));
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // more than two polls
    again.send_signal(SIGTERM);
    CHECK(again.wait().exit_code == 0);
    const auto received = sink.messages();
    REQUIRE(received.size() == 2);
    std::set<std::string> recipients;
    for (const auto& mail : received) {
        recipients.insert(mail["rcpt_tos"][0].get<std::string>());
        CHECK(mail["subject"] == "【窓口】エスカレーション T-7 基幹システム停止 / Escalated: T-7 基幹システム停止");
    }
    CHECK(recipients == std::set<std::string>{"sato@example.go.jp", "kato@example.go.jp"});
    CHECK(count_rows(database, "SELECT count(*) FROM notification_attempts") == 3);
}

TEST_CASE("serve documents and checks its notification options", "[notifications][cli]") {
    const auto help = run_madoguchi({"serve", "--help"});
    CHECK(help.exit_code == 0);
    for (const auto* option : {"--smtp-host HOST", "--smtp-port N", "--mail-from ADDR", "--slack-webhook NAME=URL"}) {
        CHECK(mentions(help.out, option));
    }
    for (const auto& [arguments, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--smtp-port", "0"}, "--smtp-port must be a port from 1 to 65535, not '0'"},
             {{"--mail-from", "desk"}, "--mail-from must be an e-mail address, not 'desk'"},
             {{"--slack-webhook", "https://hooks.example/x"}, "--slack-webhook must be NAME=URL"},
             {{"--slack-webhook", "desk=ftp://x"}, "--slack-webhook must be NAME=URL"},
         }) {
        std::vector<std::string> command{"serve"};
        command.insert(command.end(), arguments.begin(), arguments.end());
        const auto run = run_madoguchi(command);
        INFO(run.err);
        CHECK(run.exit_code == 2);
        CHECK(mentions(run.err, message));
    }
}

#include "notification_test_support.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace madoguchi::testing {

SmtpSink::SmtpSink() {
    process_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/bin/python3", MADOGUCHI_SMTP_SINK, (folder_.path() / "messages").string()});
    const auto line = process_->read_line();
    if (!line.starts_with("listening ")) throw std::runtime_error("the SMTP sink did not start: " + line);
    port_ = std::stoi(line.substr(10));
}

std::vector<nlohmann::json> SmtpSink::messages() const {
    std::vector<std::filesystem::path> files;
    std::error_code failure;
    for (const auto& entry : std::filesystem::directory_iterator(folder_.path() / "messages", failure)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<nlohmann::json> messages;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        messages.push_back(nlohmann::json::parse(text.str()));
    }
    return messages;
}

WebhookReceiver::WebhookReceiver(int failures) : failures_left_(failures) {
    server_.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
        ++requests_;
        if (failures_left_ > 0) {
            --failures_left_;
            response.status = 500;
            response.set_content("receiver down", "text/plain");
            return;
        }
        std::scoped_lock lock(mutex_);
        accepted_.push_back(request.body);
        response.set_content("ok", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    serving_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
}

WebhookReceiver::~WebhookReceiver() {
    server_.stop();
    serving_.join();
}

std::string WebhookReceiver::url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }

std::vector<std::string> WebhookReceiver::accepted() const {
    std::scoped_lock lock(mutex_);
    return accepted_;
}

server::notifications::NotificationConfig quick_config(const SmtpSink* sink, const WebhookReceiver* receiver) {
    server::notifications::NotificationConfig config;
    if (sink != nullptr) {
        config.smtp_host = "127.0.0.1";
        config.smtp_port = sink->port();
    }
    config.mail_from = "madoguchi@desk.example.go.jp";
    if (receiver != nullptr) config.webhooks["desk"] = receiver->url();
    config.retry = {std::chrono::seconds(1), std::chrono::seconds(1), 8};
    config.poll_interval = std::chrono::milliseconds(100);
    config.send_timeout = std::chrono::seconds(10);
    return config;
}

std::string enqueue_into(const std::filesystem::path& database, const server::notifications::NotificationRequest& request) {
    auto connection = server::store::Database::open(database);
    if (!connection) return connection.error();
    const server::audit::Actor actor{"desk-user", "operator", "127.0.0.1"};
    auto done = connection.value().transaction([&]() -> server::store::Status {
        auto queued = server::notifications::enqueue(connection.value(), request, actor);
        if (!queued) return server::store::Error{queued.error()};
        return server::store::success();
    });
    return done ? "" : done.error();
}

std::vector<std::string> queued_to(const std::filesystem::path& database, const std::string& event) {
    auto connection = server::store::Database::open(database);
    if (!connection) throw std::runtime_error(connection.error());
    auto select = connection.value().prepare("SELECT recipient FROM notification_outbox WHERE event = ?1 ORDER BY id");
    if (!select) throw std::runtime_error(select.error());
    select.value().bind(1, event);
    std::vector<std::string> recipients;
    while (true) {
        auto row = select.value().step();
        if (!row) throw std::runtime_error(row.error());
        if (!row.value()) return recipients;
        recipients.push_back(select.value().column_text(0));
    }
}

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
}

}  // namespace madoguchi::testing

#include "server_test_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "api/api_error.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::testing {

RunningApp::RunningApp(std::filesystem::path web_dir, const std::function<void(server::http::Router&)>& add_routes,
                       const server::identity::IdentityConfig& identity,
                       std::vector<server::http::ProxyNetwork> trusted_proxies)
    : database_path_(temp_.path() / "madoguchi.db") {
    if (web_dir.empty()) web_dir = temp_.path() / "no-web-app";
    server::http::AppConfig config;
    config.database_path = database_path_;
    config.web_dir = web_dir;
    config.log_requests = false;
    config.identity = identity;
    config.trusted_proxies = std::move(trusted_proxies);
    auto created = server::http::App::create(config);
    if (!created) throw std::runtime_error(created.error());
    app_ = std::move(created.value());
    if (add_routes) add_routes(app_->router());
    const auto port = app_->bind("127.0.0.1", 0);
    if (!port) throw std::runtime_error("cannot bind a loopback port");
    port_ = *port;
    serving_ = std::thread([this] { app_->listen(); });
    // httplib 0.11 has no wait_until_ready(): wait for its accept loop.
    while (!app_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

RunningApp::~RunningApp() { stop(); }

void RunningApp::stop() {
    if (!serving_.joinable()) return;
    app_->stop();
    serving_.join();
}

std::unique_ptr<httplib::Client> RunningApp::client() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client->set_read_timeout(10, 0);
    return client;
}

nlohmann::json json_of(const httplib::Result& result) {
    if (!result) return nlohmann::json::value_t::discarded;
    return nlohmann::json::parse(result->body, nullptr, false);
}

std::vector<std::string> error_fields(const httplib::Result& result) {
    std::vector<std::string> names;
    if (!result) return names;
    if (const auto error = api::parse_error(result->body)) {
        for (const auto& [name, reason] : error->fields) names.push_back(name);
    }
    return names;
}

void check_invalid_parameter(const httplib::Result& response, const std::vector<std::string>& fields,
                             const std::string& reason_key) {
    REQUIRE(response);
    CHECK(response->status == 400);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto body = json_of(response);
    CHECK(body["error"]["code"] == "invalid_parameter");
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
    CHECK_FALSE(body["error"]["message_ja"].get<std::string>().empty());
    CHECK(error_fields(response) == fields);
    const auto& reason = i18n::text(reason_key, i18n::Language::en);
    for (const auto& field : fields) CHECK(body["error"]["fields"][field] == reason);
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::string gzip(const std::string& data) {
    z_stream stream{};
    // windowBits 15 + 16: a gzip wrapper, as `gzip -9` writes.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string compressed(deflateBound(&stream, data.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
    stream.avail_out = static_cast<uInt>(compressed.size());
    const int status = deflate(&stream, Z_FINISH);
    compressed.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) throw std::runtime_error("deflate failed");
    return compressed;
}

std::string gunzip(const std::string& data) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) throw std::runtime_error("inflateInit2 failed");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    std::string plain;
    char buffer[16384];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        plain.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) throw std::runtime_error("not a complete gzip stream");
    return plain;
}

std::string send_raw_request(int port, const std::string& request) {
    using Clock = std::chrono::steady_clock;
    const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (socket_fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(socket_fd);
        throw std::runtime_error("connect failed");
    }
    if (send(socket_fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
        close(socket_fd);
        throw std::runtime_error("send failed");
    }
    std::string answer;
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline) {
        pollfd watched{socket_fd, POLLIN, 0};
        if (poll(&watched, 1, 100) <= 0) continue;
        char buffer[4096];
        const auto count = recv(socket_fd, buffer, sizeof buffer, 0);
        if (count <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(count));
    }
    close(socket_fd);
    return answer;
}

MadoguchiProcess::MadoguchiProcess(const std::vector<std::string>& arguments, std::optional<std::string> input)
    : ChildProcess(
          [&] {
              std::vector<std::string> command{MADOGUCHI_BINARY};
              command.insert(command.end(), arguments.begin(), arguments.end());
              return command;
          }(),
          std::move(input)) {}

ProgramRun run_madoguchi(const std::vector<std::string>& arguments, std::optional<std::string> input) {
    return MadoguchiProcess(arguments, std::move(input)).wait();
}

}  // namespace madoguchi::testing

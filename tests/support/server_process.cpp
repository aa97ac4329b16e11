#include "support/server_process.hpp"

#include <signal.h>

#include <random>
#include <regex>
#include <stdexcept>

namespace madoguchi::testing {

TempDir::TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("madoguchi-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

ServerProcess::ServerProcess(const std::string& binary, std::vector<std::string> extra_arguments, int port) {
    std::vector<std::string> command{binary, "serve", "--port", std::to_string(port), "--db",
                                     (temp_.path() / "madoguchi.db").string()};
    command.insert(command.end(), extra_arguments.begin(), extra_arguments.end());
    process_ = std::make_unique<ChildProcess>(command);

    // The server prints "… http://127.0.0.1:PORT/" once the socket is bound.
    const std::regex url(R"(http://127\.0\.0\.1:(\d+))");
    std::string seen;
    while (port_ == 0) {
        const auto line = process_->read_line();
        if (line.empty()) break;
        seen += line + "\n";
        if (std::smatch match; std::regex_search(line, match, url)) port_ = std::stoi(match[1]);
    }
    if (port_ == 0) throw std::runtime_error("the server did not report its URL; it printed: " + seen + process_->wait().err);
    output_drain_ = std::thread([this] {
        while (!stopping_ && process_->collect_output(100)) {
        }
    });
}

ServerProcess::~ServerProcess() {
    stopping_ = true;
    output_drain_.join();
    process_->send_signal(SIGTERM);
    process_->wait();
}

}  // namespace madoguchi::testing

#include "support/server_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
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

ServerProcess::ServerProcess(const std::string& binary, std::vector<std::string> extra_arguments) {
    std::vector<std::string> arguments{binary, "serve", "--port", "0", "--db", (temp_.path() / "madoguchi.db").string()};
    arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());

    int output[2];
    if (pipe(output) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(output[1], STDOUT_FILENO);
        close(output[0]);
        close(output[1]);
        std::vector<char*> argv;
        for (auto& argument : arguments) argv.push_back(argument.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(output[1]);

    // The server prints "… http://127.0.0.1:PORT/" once the socket is bound.
    const std::regex url(R"(http://127\.0\.0\.1:(\d+))");
    std::string seen;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    char buffer[256];
    while (port_ == 0 && std::chrono::steady_clock::now() < deadline) {
        const auto count = read(output[0], buffer, sizeof buffer);
        if (count <= 0) break;
        seen.append(buffer, static_cast<std::size_t>(count));
        if (std::smatch match; std::regex_search(seen, match, url)) port_ = std::stoi(match[1]);
    }
    if (port_ == 0) {
        close(output[0]);
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        throw std::runtime_error("the server did not report its URL; it printed: " + seen);
    }
    output_drain_ = std::thread([fd = output[0]] {
        char discard[4096];
        while (read(fd, discard, sizeof discard) > 0) {
        }
        close(fd);
    });
}

ServerProcess::~ServerProcess() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    output_drain_.join();
}

}  // namespace madoguchi::testing

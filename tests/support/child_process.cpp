#include "support/child_process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <utility>

namespace madoguchi::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto patience = std::chrono::seconds(20);

}  // namespace

ChildProcess::ChildProcess(std::vector<std::string> command, std::optional<std::string> input) {
    int out[2];
    int err[2];
    int in[2] = {-1, -1};
    if (pipe(out) != 0 || pipe(err) != 0 || (input && pipe(in) != 0)) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        close(err[0]);
        close(err[1]);
        if (input) {
            dup2(in[0], STDIN_FILENO);
            close(in[0]);
            close(in[1]);
        }
        std::vector<char*> argv;
        for (auto& argument : command) argv.push_back(argument.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    out_fd_ = out[0];
    err_fd_ = err[0];
    if (input) {
        close(in[0]);
        // A child that exits without reading must not kill the test with SIGPIPE.
        signal(SIGPIPE, SIG_IGN);
        for (std::size_t written = 0; written < input->size();) {
            const auto count = write(in[1], input->data() + written, input->size() - written);
            if (count <= 0) break;
            written += static_cast<std::size_t>(count);
        }
        close(in[1]);
    }
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) close(out_fd_);
    if (err_fd_ >= 0) close(err_fd_);
}

bool ChildProcess::collect_output(int timeout_ms) {
    if (out_fd_ < 0 && err_fd_ < 0) return false;
    pollfd watched[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    if (poll(watched, 2, timeout_ms) <= 0) return true;
    const auto read_into = [](const pollfd& entry, int& fd, std::string& text) {
        if (fd < 0 || !(entry.revents & (POLLIN | POLLHUP))) return;
        char buffer[4096];
        const auto count = read(fd, buffer, sizeof buffer);
        if (count > 0) {
            text.append(buffer, static_cast<std::size_t>(count));
        } else {
            close(fd);
            fd = -1;
        }
    };
    read_into(watched[0], out_fd_, out_);
    read_into(watched[1], err_fd_, err_);
    return out_fd_ >= 0 || err_fd_ >= 0;
}

std::string ChildProcess::read_line() {
    const auto deadline = Clock::now() + patience;
    while (Clock::now() < deadline) {
        if (const auto end = out_.find('\n'); end != std::string::npos) {
            auto line = out_.substr(0, end);
            out_.erase(0, end + 1);
            return line;
        }
        if (out_fd_ < 0) break;
        collect_output(100);
    }
    return {};
}

void ChildProcess::send_signal(int signal_number) { kill(pid_, signal_number); }

ProgramRun ChildProcess::wait() {
    const auto deadline = Clock::now() + patience;
    while (collect_output(100) && Clock::now() < deadline) {
    }
    if (out_fd_ >= 0 || err_fd_ >= 0) kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return {exit_code, std::exchange(out_, {}), std::exchange(err_, {})};
}

}  // namespace madoguchi::testing

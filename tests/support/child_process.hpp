#pragma once
// A program run as a child process with its standard output and error captured, for tests
// of command lines and of whole servers.
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace madoguchi::testing {

struct ProgramRun {
    int exit_code = -1;  // 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

class ChildProcess {
public:
    // command[0] is the program's path. `input`, when given, is the child's whole standard
    // input (then closed); otherwise the child shares the test's.
    explicit ChildProcess(std::vector<std::string> command, std::optional<std::string> input = std::nullopt);
    ~ChildProcess();  // kills it when still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The next line of standard output; empty when none arrives within 20 seconds.
    std::string read_line();
    void send_signal(int signal_number);
    // Waits for the exit (up to 20 seconds, then kills it) and collects the rest of the output.
    ProgramRun wait();
    // Reads and keeps whatever output is waiting, without blocking, so the child never stalls
    // on a full pipe; returns false once both outputs are closed.
    bool collect_output(int timeout_ms);

private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    std::string out_;
    std::string err_;
};

}  // namespace madoguchi::testing

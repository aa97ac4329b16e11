#pragma once
// Runs the program's commands; returns the process exit status.
namespace madoguchi::server::cli {

// 0 on success, 1 when the command failed (database, network), 2 for a bad command line.
int run(int argc, char** argv);

}  // namespace madoguchi::server::cli

#include "cli/commands.hpp"

int main(int argc, char** argv) { return madoguchi::server::cli::run(argc, argv); }

#include "label_scan_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "server_test_support.hpp"

namespace madoguchi::testing {

std::multiset<std::string> qr_codes_in(const std::string& png_path) {
    const auto read = ChildProcess({"/usr/bin/zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png_path})
                          .wait();
    INFO(read.err);
    // 4: the image holds no code (an empty page).
    REQUIRE((read.exit_code == 0 || read.exit_code == 4));
    std::multiset<std::string> codes;
    std::size_t start = 0;
    while (start < read.out.size()) {
        const auto end = std::min(read.out.find('\n', start), read.out.size());
        if (end > start) codes.insert(read.out.substr(start, end - start));
        start = end + 1;
    }
    return codes;
}

}  // namespace madoguchi::testing

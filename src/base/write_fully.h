// The one loop that writes a buffer to a descriptor (base/ only): the spool,
// the temporary files of a replacement and the streams kinject writes
// through all go through it.
#pragma once

#include <cstddef>
#include <string_view>

namespace kinject {

// Writes all of `data` to `fd`, again after EINTR and after a short write,
// waiting for the descriptor when it is non-blocking (a parent may leave
// stdout so). Returns 0, or the errno of the failure (a write that takes
// nothing counts as ENOSPC); `written` is what went out either way.
int write_fully(int fd, std::string_view data, std::size_t& written);

}  // namespace kinject

# forkscope_options: the compiler warnings, Qt's strictness defines and the
# sanitizer flags every target of ours builds with. Linked PRIVATE into each
# target by forkscope_link_options() at the end of the top-level
# CMakeLists.txt, so a new target gets it without anyone remembering to.
option(FORKSCOPE_WERROR "Treat compiler warnings as errors (CI turns this on)" OFF)
option(FORKSCOPE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(forkscope_options INTERFACE)

# -Wall -Wextra plus checks that cost nothing at run time and that the tree
# passes. -Wpedantic, -Wmissing-declarations and -Woverloaded-virtual are
# candidates not switched on yet: the tree was not checked against them.
target_compile_options(forkscope_options INTERFACE
  -Wall -Wextra
  -Wnon-virtual-dtor
  $<$<CXX_COMPILER_ID:GNU>:-Wlogical-op -Wduplicated-cond>
  $<$<BOOL:${FORKSCOPE_WERROR}>:-Werror>)

# Qt strictness: no implicit QString <-> const char* / QByteArray / QUrl
# conversions, no Q_FOREACH, no narrowing in connect(), nothing Qt deprecated
# up to 6.4 (the oldest Qt we build against).
target_compile_definitions(forkscope_options INTERFACE
  QT_NO_FOREACH
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(FORKSCOPE_SANITIZE)
  set(forkscope_sanitize_flags
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(forkscope_options INTERFACE ${forkscope_sanitize_flags})
  target_link_options(forkscope_options INTERFACE ${forkscope_sanitize_flags})
endif()

# Links forkscope_options into every compiled target defined under `dir`.
function(forkscope_link_options dir)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$")
      target_link_libraries(${target} PRIVATE forkscope_options)
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    forkscope_link_options(${subdir})
  endforeach()
endfunction()

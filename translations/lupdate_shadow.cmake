# cmake -DSOURCE_DIR=<repo> -DOUT_DIR=<dir> -P lupdate_shadow.cmake
#
# Writes lupdate-readable copies of models/*/*.cpp into OUT_DIR. The models
# translate through a file-local helper,
#     QString tr(const char *text) { return QCoreApplication::translate("forkscope::Store", text); }
# whose context lupdate cannot see (it files such calls under the enclosing
# class or namespace instead). In the copies every bare tr( becomes
# QCoreApplication::translate("<that context>", so lupdate files each string
# under the context the program looks it up in. The copies are only read by
# lupdate (with -locations none), never compiled.
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/models/*.cpp")
foreach(rel IN LISTS sources)
  file(READ "${SOURCE_DIR}/${rel}" text)
  set(helper_re "QString tr\\(const char \\*text\\)[ \t\r\n]*{[ \t\r\n]*return QCoreApplication::translate\\(\"([^\"]+)\", text\\);[ \t\r\n]*}")
  if(text MATCHES "${helper_re}")
    set(context "${CMAKE_MATCH_1}")
    string(REGEX REPLACE "${helper_re}" "" text "${text}")
    string(REGEX REPLACE "([^A-Za-z0-9_:.>])tr\\(" "\\1QCoreApplication::translate(\"${context}\", " text "${text}")
  endif()
  # lupdate 6.4 loops forever on a function-style cast around a call with
  # several arguments inside translate(), e.g. the %n argument
  # int(std::min<qint64>(a, b)): plain parentheses read the same to it.
  string(REGEX REPLACE "([^A-Za-z0-9_])int\\(" "\\1(" text "${text}")
  set(out "${OUT_DIR}/${rel}")
  set(old "")
  if(EXISTS "${out}")
    file(READ "${out}" old)
  endif()
  if(NOT old STREQUAL text)
    file(WRITE "${out}" "${text}")
  endif()
endforeach()

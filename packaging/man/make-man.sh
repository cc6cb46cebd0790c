#!/bin/sh
# make-man.sh PROGRAM INCLUDE NAME OUT.gz: the man page of PROGRAM from its own --help and
# --version (help2man), with INCLUDE's sections and, for a program with subcommands, each
# subcommand's --help in a COMMANDS section; written compressed (gzip -9n) to OUT.gz.
set -eu
program=$1 include=$2 name=$3 out=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
commands=$tmp/commands.h2m
# CLI11 lists the subcommands after a "Subcommands:" line, one per line, name first.
subcommands=$("$program" --help | sed -n '/^Subcommands:/,$p' | sed '1d' | awk 'NF {print $1}')
set -- --include="$include"
if [ -n "$subcommands" ]; then
  set -- "$@" --include="$commands"
  echo "[COMMANDS]" >>"$commands"
  for command in $subcommands; do
    {
      printf '.SS %s\n.nf\n' "$command"
      # roff: a backslash is \e; a line starting with . or ' would be a request.
      "$program" "$command" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
      echo ".fi"
    } >>"$commands"
  done
fi
# The version from --version's first line only: the rest (the libraries this machine has) is no
# part of the page.
version=$("$program" --version | head -n 1)
help2man --no-info --no-discard-stderr --version-string="$version" --name="$name" \
  "$@" --output="$tmp/page.1" "$program"
gzip -9n -c "$tmp/page.1" >"$out"

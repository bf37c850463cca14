#!/bin/sh
# Gives a learner's home their own copy of the course: notebooks/ copied once (later runs never overwrite their
# edits), and beside it package.json and a link to the course's built library, so `import … from ".."` in a
# notebook finds the library as it does in the repository. Used by the local hub and by the container image.
#   course-home.sh COURSE_DIR HOME_DIR
set -eu
course=$1
home=$2
mkdir -p "$home"
[ -e "$home/notebooks" ] || cp -R "$course/notebooks" "$home/notebooks"
cp "$course/package.json" "$home/package.json"
[ -L "$home/dist" ] || ln -s "$course/dist" "$home/dist"

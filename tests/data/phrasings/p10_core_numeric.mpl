# p10 — family: the whole file in GL's core notation with numeric identifiers, numbered the way
# GL numbers them (a definition's parameters are 1..k, its bound variables k+1, k+2, …). The
# anchor's constants are 1 = N, 2 = 0, 3 = 1, 4 = s, 5 = +, 6 = *, so bound variables of the
# definitions (3, 4, 5, 6, …) have the same names as anchor constants.
# mpl_examples/peano.mpl renumbered, statement for statement: same models.

def UnaryFunction[1,2] := (&(>[3](in[3,1])!(>[4](in2[3,4,2])!(in[4,1])))(>[5,6,7](&(in2[5,6,2])(in2[5,7,2]))(=[6,7])))

def BinaryOperation[1,2] := (&(>[3,4](&(in[3,1])(in[4,1]))!(>[5](in3[3,4,5,2])!(in[5,1])))(>[6,7,8,9](&(in3[6,7,8,2])(in3[6,7,9,2]))(=[8,9])))

def Injective[1] := (>[2,3,4](&(in2[2,4,1])(in2[3,4,1]))(=[2,3]))

def NaturalNumbers[1,2,3] := (&(&(&(&(in[2,1])(UnaryFunction[1,3]))(Injective[3]))(>[4](in[4,1])!(in2[4,2,3])))(>[5](&(in[2,5])(>[6,7](&(in[6,5])(in2[6,7,3]))(in[7,5])))(>[8](in[8,1])(in[8,5]))))

def Addition[1,2,3,4] := (&(&(BinaryOperation[1,4])(>[5](in[5,1])(in3[5,2,5,4])))(>[6,7](&(in[6,1])(in[7,1]))(>[8,9,10](&(&(in2[7,8,3])(in3[6,7,9,4]))(in2[9,10,3]))(in3[6,8,10,4]))))

def Multiplication[1,2,3,4,5] := (&(&(BinaryOperation[1,5])(>[6](in[6,1])(in3[6,2,2,5])))(>[7,8](&(in[7,1])(in[8,1]))(>[9,10,11](&(&(in2[8,9,3])(in3[7,8,10,5]))(in3[10,7,11,4]))(in3[7,9,11,5]))))

anchor Peano[1,2,3,4,5,6] := (&(&(&(NaturalNumbers[1,2,4])(in2[2,3,4]))(Addition[1,2,4,5]))(Multiplication[1,2,4,5,6]))
